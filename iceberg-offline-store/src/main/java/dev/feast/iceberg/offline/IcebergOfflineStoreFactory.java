package dev.feast.iceberg.offline;

import com.google.auto.service.AutoService;
import dev.feast.iceberg.common.DuckDbSettings;
import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.OfflineStoreFactory;

/**
 * {@code offline_store: type: iceberg}: point-in-time retrieval over Iceberg tables, run by an
 * embedded DuckDB reading the Parquet files Iceberg plans.
 */
@AutoService(OfflineStoreFactory.class)
public final class IcebergOfflineStoreFactory
    implements OfflineStoreFactory<IcebergOfflineStoreConfig> {

  @Override
  public String type() {
    return "iceberg";
  }

  @Override
  public Class<IcebergOfflineStoreConfig> configClass() {
    return IcebergOfflineStoreConfig.class;
  }

  @Override
  public OfflineStore create(IcebergOfflineStoreConfig config, PluginContext context) {
    String tempDirectory = config.duckdbTempDirectory();
    if (!tempDirectory.isEmpty()) {
      tempDirectory = context.repoPath().resolve(tempDirectory).toAbsolutePath().toString();
    }
    DuckDbSettings settings;
    try {
      settings =
          new DuckDbSettings(config.duckdbMemoryLimit(), config.duckdbThreads(), tempDirectory);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("offline_store: " + e.getMessage(), e);
    }
    return new IcebergOfflineStore(context.catalog(config.catalog()), settings, config.pruning());
  }
}
