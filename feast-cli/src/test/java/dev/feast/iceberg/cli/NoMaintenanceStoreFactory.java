package dev.feast.iceberg.cli;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeastPlugin;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.SpiVersion;
import dev.feast.iceberg.spi.UnsupportedFeatureException;
import dev.feast.iceberg.spi.online.OnlineCapability;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import dev.feast.iceberg.spi.online.OnlineStore;
import dev.feast.iceberg.spi.online.OnlineStoreFactory;
import java.util.List;
import java.util.Set;

/**
 * {@code type: no-maintenance-test}: an online store that keeps nothing and offers no maintenance,
 * registered in the test class path's META-INF/services.
 */
@FeastPlugin(spiVersion = SpiVersion.CURRENT)
public final class NoMaintenanceStoreFactory
    implements OnlineStoreFactory<NoMaintenanceStoreFactory.Config> {
  /** No keys. */
  public record Config() {}

  @Override
  public String type() {
    return "no-maintenance-test";
  }

  @Override
  public Class<Config> configClass() {
    return Config.class;
  }

  @Override
  public OnlineStore create(Config config, PluginContext context) {
    return new NoMaintenanceStore();
  }

  static final class NoMaintenanceStore implements OnlineStore {
    @Override
    public void update(List<FeatureView> toKeep, List<FeatureView> toDelete) {}

    @Override
    public void write(FeatureView view, List<OnlineRow> rows) {
      throw new UnsupportedFeatureException("NoMaintenanceStore", "writes");
    }

    @Override
    public List<OnlineResult> read(FeatureView view, List<EntityKey> keys, List<String> features) {
      throw new UnsupportedFeatureException("NoMaintenanceStore", "reads");
    }

    @Override
    public void teardown(List<FeatureView> views) {}

    @Override
    public Set<OnlineCapability> capabilities() {
      return Set.of();
    }

    @Override
    public void close() {}
  }
}
