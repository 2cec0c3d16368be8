package dev.feast.iceberg.online;

import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code online_store:} section of {@code feature_store.yaml} for {@code type: iceberg}. The
 * yaml keys are the snake_case names of the components ({@code partition_strategy}, ...); every
 * component may be left out.
 *
 * @param catalog the Iceberg catalog holding the online tables ({@code catalog:} subsection);
 *     default: the embedded JDBC catalog ({@code type: jdbc}, SQLite under the repository)
 * @param namespace the catalog namespace of the online tables, dot-separated for nested
 *     namespaces; default {@code feast_online}. Each feature view gets the table {@code
 *     <project>_<view>} in it, as Feast's own SQL online stores name theirs
 * @param partitionStrategy how each table is partitioned: {@code entity_hash} (default, Iceberg's
 *     {@code bucket(entity_key, partition_buckets)}), {@code timestamp} ({@code hour} or {@code
 *     day} of the event timestamp) or {@code hybrid} (both)
 * @param partitionBuckets the number of entity key buckets for {@code entity_hash} and {@code
 *     hybrid}; default 16
 * @param timestampGranularity {@code hour} or {@code day} (default), for {@code timestamp} and
 *     {@code hybrid}
 * @param ttlMode how a value older than its view's ttl is reported: {@code outside_max_age}
 *     (default; status OUTSIDE_MAX_AGE, event timestamp kept) or {@code absent} (as if nothing
 *     were stored)
 * @param refreshIntervalMs how often, at most, a read asks the catalog whether a view's table has
 *     new snapshots (written by other processes); 0 asks on every read; default 1000. Writes of
 *     the same store instance are visible to its next read at once, whatever this is
 */
public record IcebergOnlineStoreConfig(
    CatalogConfig catalog,
    String namespace,
    String partitionStrategy,
    Integer partitionBuckets,
    String timestampGranularity,
    String ttlMode,
    Long refreshIntervalMs) {

  static final String DEFAULT_NAMESPACE = "feast_online";
  static final int DEFAULT_BUCKETS = 16;
  static final long DEFAULT_REFRESH_INTERVAL_MS = 1000;

  public IcebergOnlineStoreConfig {
    catalog = catalog == null ? new CatalogConfig("jdbc", null, null) : catalog;
    namespace = namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace.trim();
    partitionStrategy =
        PartitionStrategy.parse(Objects.requireNonNullElse(partitionStrategy, "entity_hash"))
            .configName();
    partitionBuckets = Objects.requireNonNullElse(partitionBuckets, DEFAULT_BUCKETS);
    if (partitionBuckets < 1) {
      throw new ConfigException(
          "online_store.partition_buckets is " + partitionBuckets + "; use a positive number");
    }
    timestampGranularity = lower(Objects.requireNonNullElse(timestampGranularity, "day"));
    if (!timestampGranularity.equals("hour") && !timestampGranularity.equals("day")) {
      throw new ConfigException(
          "online_store.timestamp_granularity '" + timestampGranularity
              + "' is not supported; use one of: hour, day");
    }
    ttlMode = TtlMode.parse(Objects.requireNonNullElse(ttlMode, "outside_max_age")).configName();
    refreshIntervalMs = Objects.requireNonNullElse(refreshIntervalMs, DEFAULT_REFRESH_INTERVAL_MS);
    if (refreshIntervalMs < 0) {
      throw new ConfigException(
          "online_store.refresh_interval_ms is " + refreshIntervalMs
              + "; use 0 (check on every read) or a positive number of milliseconds");
    }
  }

  /** A configuration with every default, on this catalog. */
  public static IcebergOnlineStoreConfig defaults(CatalogConfig catalog) {
    return new IcebergOnlineStoreConfig(catalog, null, null, null, null, null, null);
  }

  static String lower(String value) {
    return value.trim().toLowerCase(Locale.ROOT);
  }
}
