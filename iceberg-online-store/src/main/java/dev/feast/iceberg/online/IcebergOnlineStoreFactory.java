package dev.feast.iceberg.online;

import com.google.auto.service.AutoService;
import dev.feast.iceberg.spi.FeastPlugin;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.SpiVersion;
import dev.feast.iceberg.spi.online.OnlineStore;
import dev.feast.iceberg.spi.online.OnlineStoreFactory;
import java.util.List;

/** {@code online_store: {type: iceberg}}: the latest value per entity in Iceberg tables. */
@FeastPlugin(spiVersion = SpiVersion.CURRENT)
@AutoService(OnlineStoreFactory.class)
public final class IcebergOnlineStoreFactory
    implements OnlineStoreFactory<IcebergOnlineStoreConfig> {

  @Override
  public String type() {
    return "iceberg";
  }

  @Override
  public Class<IcebergOnlineStoreConfig> configClass() {
    return IcebergOnlineStoreConfig.class;
  }

  /** Lets {@code plan} refuse what {@code apply} would, from the definitions alone. */
  @Override
  public void checkViews(IcebergOnlineStoreConfig config, List<FeatureView> views) {
    views.forEach(OnlineTables::checkFeatureNames);
  }

  @Override
  public OnlineStore create(IcebergOnlineStoreConfig config, PluginContext context) {
    return new IcebergOnlineStore(config, context);
  }
}
