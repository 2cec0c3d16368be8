package dev.feast.iceberg.offline;

import com.google.auto.service.AutoService;
import dev.feast.iceberg.common.DuckDbSettings;
import dev.feast.iceberg.common.cache.ByteSize;
import dev.feast.iceberg.common.cache.FileCache;
import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.FeastPlugin;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.SpiVersion;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.OfflineStoreFactory;
import java.nio.file.Path;

/**
 * {@code offline_store: type: iceberg}: point-in-time retrieval over Iceberg tables, run by an
 * embedded DuckDB reading the Parquet files Iceberg plans.
 */
@FeastPlugin(spiVersion = SpiVersion.CURRENT)
@AutoService(OfflineStoreFactory.class)
public final class IcebergOfflineStoreFactory
    implements OfflineStoreFactory<IcebergOfflineStoreConfig> {
  /** The file cache folder, in the system temp folder, unless {@code cache_directory} is set. */
  static final String DEFAULT_CACHE_FOLDER = "feast-iceberg-cache";

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
    } catch (ConfigException e) {
      throw new ConfigException("offline_store: " + e.getMessage(), e);
    }
    long maxBytes = ByteSize.parse("offline_store cache_max_size", config.cacheMaxSize());
    Path directory =
        config.cacheDirectory().isEmpty()
            ? Path.of(System.getProperty("java.io.tmpdir"), DEFAULT_CACHE_FOLDER)
            : context.repoPath().resolve(config.cacheDirectory());
    FileCache cache = FileCache.shared(directory, maxBytes);
    return new IcebergOfflineStore(
        context.catalog(config.catalog()), settings, config.pruning(), cache);
  }
}
