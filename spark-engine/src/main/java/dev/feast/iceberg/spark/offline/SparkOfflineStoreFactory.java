package dev.feast.iceberg.spark.offline;

import com.google.auto.service.AutoService;
import dev.feast.iceberg.spi.FeastPlugin;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.SpiVersion;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.OfflineStoreFactory;

/**
 * {@code offline_store: type: spark}: point-in-time retrieval run by Apache Spark over the same
 * Iceberg tables the other stores read, for data past one machine.
 */
@FeastPlugin(spiVersion = SpiVersion.CURRENT)
@AutoService(OfflineStoreFactory.class)
public final class SparkOfflineStoreFactory
    implements OfflineStoreFactory<SparkOfflineStoreConfig> {
  @Override
  public String type() {
    return "spark";
  }

  @Override
  public Class<SparkOfflineStoreConfig> configClass() {
    return SparkOfflineStoreConfig.class;
  }

  @Override
  public OfflineStore create(SparkOfflineStoreConfig config, PluginContext context) {
    SparkSessions.Owned spark = SparkSessions.create(config.sparkConf());
    return SparkOfflineStore.of(
        spark.session(),
        spark.owned(),
        context.catalog(config.catalog()),
        config.catalog().name(),
        config.pruning());
  }
}
