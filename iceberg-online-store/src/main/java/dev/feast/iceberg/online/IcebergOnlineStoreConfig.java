package dev.feast.iceberg.online;

import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import java.util.Objects;

/**
 * The {@code online_store:} section of {@code feature_store.yaml} for {@code type: iceberg}. The
 * yaml keys are the snake_case names of the components ({@code partition_strategy}, ...); every
 * component may be left out.
 *
 * <pre>
 * online_store:
 *   type: iceberg
 *   catalog:
 *     type: rest
 *     uri: http://localhost:8181
 *   namespace: feast_online
 *   partition_strategy: hybrid
 *   partition_buckets: 32
 *   timestamp_granularity: hour
 *   ttl_mode: absent
 *   refresh_interval_ms: 5000
 *   serving_mode: files
 * </pre>
 *
 * @param catalog the Iceberg catalog holding the online tables ({@code catalog:} subsection);
 *     default: the embedded JDBC catalog ({@code type: jdbc}, SQLite under the repository)
 * @param namespace the catalog namespace of the online tables, dot-separated for nested namespaces;
 *     default {@code feast_online}. Each feature view gets the table {@code <project>_<view>} in
 *     it, as Feast's own SQL online stores name theirs
 *     <p>Build one in code with {@link #builder(CatalogConfig)}; a component left unset takes its
 *     default.
 * @param partitionStrategy how each table is partitioned: {@code entity_hash} (default, Iceberg's
 *     {@code bucket(entity_key, partition_buckets)}), {@code timestamp} ({@code hour} or {@code
 *     day} of the event timestamp) or {@code hybrid} (both)
 * @param partitionBuckets the number of entity key buckets for {@code entity_hash} and {@code
 *     hybrid}; default 16
 * @param timestampGranularity {@code hour} or {@code day} (default), for {@code timestamp} and
 *     {@code hybrid}
 * @param ttlMode how a value older than its view's ttl is reported: {@code outside_max_age}
 *     (default; status OUTSIDE_MAX_AGE, event timestamp kept) or {@code absent} (as if nothing were
 *     stored)
 * @param refreshIntervalMs how often, at most, a read asks the catalog whether a view's table has
 *     new snapshots (written by other processes); 0 asks on every read; default 1000. Writes of the
 *     same store instance are visible to its next read at once, whatever this is
 * @param maintenanceIntervalMs how often the store runs {@code maintain} on every view it has
 *     served, on a daemon thread; 0 (default) never: maintenance runs only when called
 * @param snapshotRetentionMs how old a snapshot must be before maintenance expires it; the current
 *     snapshot is always kept; default 3600000 (one hour), long enough for a reader in another
 *     process to finish reading files of an older snapshot
 * @param orphanFileAgeMs how old a file under a table's location that no snapshot references must
 *     be before maintenance deletes it; younger ones may belong to a commit in flight; default
 *     86400000 (one day)
 * @param servingMemoryBudgetMb the estimated heap one view's in-memory serving state may take; past
 *     it the view is served by reading its data files (bucket-pruned, by Parquet row-group
 *     statistics and bloom filters on the key); 0 (default) sets no limit
 * @param servingMaxKeys the number of entity keys one view's in-memory serving state may hold; past
 *     it, as past the memory budget; 0 (default) sets no limit
 * @param servingMode {@code memory} (default): each view is served from an in-memory state built on
 *     its first read (within the serving limits); {@code files}: every read opens only the data
 *     files that can hold its keys and no state is built, for processes that read a few keys and
 *     end
 */
public record IcebergOnlineStoreConfig(
    CatalogConfig catalog,
    String namespace,
    PartitionStrategy partitionStrategy,
    Integer partitionBuckets,
    TimestampGranularity timestampGranularity,
    TtlMode ttlMode,
    Long refreshIntervalMs,
    Long maintenanceIntervalMs,
    Long snapshotRetentionMs,
    Long orphanFileAgeMs,
    Long servingMemoryBudgetMb,
    Long servingMaxKeys,
    ServingMode servingMode) {

  static final String DEFAULT_NAMESPACE = "feast_online";
  static final int DEFAULT_BUCKETS = 16;
  static final long DEFAULT_REFRESH_INTERVAL_MS = 1000;
  static final long DEFAULT_SNAPSHOT_RETENTION_MS = 3_600_000;
  static final long DEFAULT_ORPHAN_FILE_AGE_MS = 86_400_000;

  public IcebergOnlineStoreConfig {
    catalog = catalog == null ? new CatalogConfig("jdbc", null, null) : catalog;
    namespace = namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace.trim();
    partitionStrategy =
        Objects.requireNonNullElse(partitionStrategy, PartitionStrategy.ENTITY_HASH);
    partitionBuckets = Objects.requireNonNullElse(partitionBuckets, DEFAULT_BUCKETS);
    if (partitionBuckets < 1) {
      throw new ConfigException(
          "online_store.partition_buckets is " + partitionBuckets + "; use a positive number");
    }
    timestampGranularity =
        Objects.requireNonNullElse(timestampGranularity, TimestampGranularity.DAY);
    ttlMode = Objects.requireNonNullElse(ttlMode, TtlMode.OUTSIDE_MAX_AGE);
    refreshIntervalMs = Objects.requireNonNullElse(refreshIntervalMs, DEFAULT_REFRESH_INTERVAL_MS);
    if (refreshIntervalMs < 0) {
      throw new ConfigException(
          "online_store.refresh_interval_ms is "
              + refreshIntervalMs
              + "; use 0 (check on every read) or a positive number of milliseconds");
    }
    maintenanceIntervalMs = atLeastZero("maintenance_interval_ms", maintenanceIntervalMs, 0);
    snapshotRetentionMs =
        atLeastZero("snapshot_retention_ms", snapshotRetentionMs, DEFAULT_SNAPSHOT_RETENTION_MS);
    orphanFileAgeMs =
        atLeastZero("orphan_file_age_ms", orphanFileAgeMs, DEFAULT_ORPHAN_FILE_AGE_MS);
    servingMemoryBudgetMb = atLeastZero("serving_memory_budget_mb", servingMemoryBudgetMb, 0);
    servingMaxKeys = atLeastZero("serving_max_keys", servingMaxKeys, 0);
    servingMode = Objects.requireNonNullElse(servingMode, ServingMode.MEMORY);
  }

  /** A builder on this catalog (null: the embedded default), every other setting at its default. */
  public static Builder builder(CatalogConfig catalog) {
    return new Builder(defaults(catalog));
  }

  /** A builder holding this configuration's settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** This configuration with other maintenance settings (null keeps a setting's default). */
  public IcebergOnlineStoreConfig withMaintenance(
      Long maintenanceIntervalMs, Long snapshotRetentionMs, Long orphanFileAgeMs) {
    return toBuilder()
        .maintenanceIntervalMs(maintenanceIntervalMs)
        .snapshotRetentionMs(snapshotRetentionMs)
        .orphanFileAgeMs(orphanFileAgeMs)
        .build();
  }

  /** This configuration with other serving limits (null or 0: no limit). */
  public IcebergOnlineStoreConfig withServingLimits(Long memoryBudgetMb, Long maxKeys) {
    return toBuilder().servingMemoryBudgetMb(memoryBudgetMb).servingMaxKeys(maxKeys).build();
  }

  /** This configuration with another serving mode. */
  public IcebergOnlineStoreConfig withServingMode(ServingMode mode) {
    return toBuilder().servingMode(mode).build();
  }

  private static long atLeastZero(String key, Long value, long fallback) {
    long resolved = Objects.requireNonNullElse(value, fallback);
    if (resolved < 0) {
      throw new ConfigException(
          "online_store." + key + " is " + resolved + "; use 0 or a positive number");
    }
    return resolved;
  }

  /** A configuration with every default, on this catalog. */
  public static IcebergOnlineStoreConfig defaults(CatalogConfig catalog) {
    return new IcebergOnlineStoreConfig(
        catalog, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * Settings by name, checked when built as the yaml section is; a setting set to null takes its
   * default.
   */
  public static final class Builder {
    private CatalogConfig catalog;
    private String namespace;
    private PartitionStrategy partitionStrategy;
    private Integer partitionBuckets;
    private TimestampGranularity timestampGranularity;
    private TtlMode ttlMode;
    private Long refreshIntervalMs;
    private Long maintenanceIntervalMs;
    private Long snapshotRetentionMs;
    private Long orphanFileAgeMs;
    private Long servingMemoryBudgetMb;
    private Long servingMaxKeys;
    private ServingMode servingMode;

    private Builder(IcebergOnlineStoreConfig from) {
      catalog = from.catalog;
      namespace = from.namespace;
      partitionStrategy = from.partitionStrategy;
      partitionBuckets = from.partitionBuckets;
      timestampGranularity = from.timestampGranularity;
      ttlMode = from.ttlMode;
      refreshIntervalMs = from.refreshIntervalMs;
      maintenanceIntervalMs = from.maintenanceIntervalMs;
      snapshotRetentionMs = from.snapshotRetentionMs;
      orphanFileAgeMs = from.orphanFileAgeMs;
      servingMemoryBudgetMb = from.servingMemoryBudgetMb;
      servingMaxKeys = from.servingMaxKeys;
      servingMode = from.servingMode;
    }

    public Builder namespace(String value) {
      namespace = value;
      return this;
    }

    public Builder partitionStrategy(PartitionStrategy value) {
      partitionStrategy = value;
      return this;
    }

    public Builder partitionBuckets(Integer value) {
      partitionBuckets = value;
      return this;
    }

    public Builder timestampGranularity(TimestampGranularity value) {
      timestampGranularity = value;
      return this;
    }

    public Builder ttlMode(TtlMode value) {
      ttlMode = value;
      return this;
    }

    public Builder refreshIntervalMs(Long value) {
      refreshIntervalMs = value;
      return this;
    }

    public Builder maintenanceIntervalMs(Long value) {
      maintenanceIntervalMs = value;
      return this;
    }

    public Builder snapshotRetentionMs(Long value) {
      snapshotRetentionMs = value;
      return this;
    }

    public Builder orphanFileAgeMs(Long value) {
      orphanFileAgeMs = value;
      return this;
    }

    public Builder servingMemoryBudgetMb(Long value) {
      servingMemoryBudgetMb = value;
      return this;
    }

    public Builder servingMaxKeys(Long value) {
      servingMaxKeys = value;
      return this;
    }

    public Builder servingMode(ServingMode value) {
      servingMode = value;
      return this;
    }

    public IcebergOnlineStoreConfig build() {
      return new IcebergOnlineStoreConfig(
          catalog,
          namespace,
          partitionStrategy,
          partitionBuckets,
          timestampGranularity,
          ttlMode,
          refreshIntervalMs,
          maintenanceIntervalMs,
          snapshotRetentionMs,
          orphanFileAgeMs,
          servingMemoryBudgetMb,
          servingMaxKeys,
          servingMode);
    }
  }
}
