package dev.feast.iceberg.offline;

import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code offline_store:} section of {@code feature_store.yaml} for {@code type: iceberg}. Keys
 * are the snake_case names of the components; unknown keys are rejected.
 *
 * <pre>
 * offline_store:
 *   type: iceberg
 *   catalog:            # the keys besides type and name are Iceberg catalog properties
 *     type: jdbc
 *     name: feast
 *     uri: jdbc:sqlite:data/catalog.db
 *     warehouse: data/warehouse
 *   duckdb_memory_limit: 4GB
 *   duckdb_threads: 4
 *   duckdb_temp_directory: data/duckdb-spill
 *   pruning: true
 *   cache_directory: /var/cache/feast-iceberg
 *   cache_max_size: 20GB
 * </pre>
 *
 * @param catalog the Iceberg catalog holding the source tables; default the embedded JDBC catalog
 *     ({@code type: jdbc}: SQLite and a warehouse under the repository's {@code data/})
 * @param duckdbMemoryLimit DuckDB's {@code memory_limit} (e.g. {@code 4GB}); default empty,
 *     DuckDB's own default
 * @param duckdbThreads DuckDB worker threads; default 0, all cores
 * @param duckdbTempDirectory where DuckDB spills large joins, relative to the repository; default
 *     empty, DuckDB's own default
 * @param pruning skip data files whose event timestamps lie outside the retrieval's time range;
 *     default true (turning it off never changes an answer, only how much is read)
 * @param cacheDirectory where remote data files (S3, R2, ...) are copied before DuckDB reads them,
 *     relative to the repository; default {@code feast-iceberg-cache} in the system temp folder
 * @param cacheMaxSize the bound on that folder's size, e.g. {@code 20GB}; default {@code 10GB}
 */
public record IcebergOfflineStoreConfig(
    CatalogConfig catalog,
    String duckdbMemoryLimit,
    Integer duckdbThreads,
    String duckdbTempDirectory,
    Boolean pruning,
    String cacheDirectory,
    String cacheMaxSize) {
  /** The catalog used when the section names none. */
  public static final CatalogConfig DEFAULT_CATALOG = new CatalogConfig("jdbc", "feast", Map.of());

  /** The bound on the file cache unless configured. */
  public static final String DEFAULT_CACHE_MAX_SIZE = "10GB";

  public IcebergOfflineStoreConfig {
    catalog = Objects.requireNonNullElse(catalog, DEFAULT_CATALOG);
    duckdbMemoryLimit = Objects.requireNonNullElse(duckdbMemoryLimit, "");
    duckdbThreads = Objects.requireNonNullElse(duckdbThreads, 0);
    duckdbTempDirectory = Objects.requireNonNullElse(duckdbTempDirectory, "");
    pruning = Objects.requireNonNullElse(pruning, Boolean.TRUE);
    cacheDirectory = Objects.requireNonNullElse(cacheDirectory, "");
    cacheMaxSize = Objects.requireNonNullElse(cacheMaxSize, DEFAULT_CACHE_MAX_SIZE);
    if (duckdbThreads < 0) {
      throw new ConfigException(
          "offline_store duckdb_threads must be 0 (all cores) or more, not " + duckdbThreads);
    }
  }

  /** A configuration with every default but the catalog. */
  public static IcebergOfflineStoreConfig of(CatalogConfig catalog) {
    return new IcebergOfflineStoreConfig(catalog, null, null, null, null, null, null);
  }

  /** The same configuration with pruning on or off. */
  public IcebergOfflineStoreConfig withPruning(boolean value) {
    return new IcebergOfflineStoreConfig(
        catalog,
        duckdbMemoryLimit,
        duckdbThreads,
        duckdbTempDirectory,
        value,
        cacheDirectory,
        cacheMaxSize);
  }

  /** The same configuration with DuckDB's resources set. */
  public IcebergOfflineStoreConfig withDuckDb(
      String memoryLimit, int threads, String tempDirectory) {
    return new IcebergOfflineStoreConfig(
        catalog, memoryLimit, threads, tempDirectory, pruning, cacheDirectory, cacheMaxSize);
  }

  /**
   * The same configuration with the file cache in {@code directory}, bounded by {@code maxSize}.
   */
  public IcebergOfflineStoreConfig withCache(String directory, String maxSize) {
    return new IcebergOfflineStoreConfig(
        catalog,
        duckdbMemoryLimit,
        duckdbThreads,
        duckdbTempDirectory,
        pruning,
        directory,
        maxSize);
  }
}
