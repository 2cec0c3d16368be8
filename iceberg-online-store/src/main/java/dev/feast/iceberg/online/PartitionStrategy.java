package dev.feast.iceberg.online;

/** How an online table is partitioned ({@code partition_strategy}). */
public enum PartitionStrategy {
  /** {@code bucket(entity_key, N)}: a point lookup touches one bucket. */
  ENTITY_HASH(true, false),
  /** {@code hour(event_ts)} or {@code day(event_ts)}: ttl deletes drop whole partitions. */
  TIMESTAMP(false, true),
  /** Both. */
  HYBRID(true, true);

  private final boolean byKey;
  private final boolean byTime;

  PartitionStrategy(boolean byKey, boolean byTime) {
    this.byKey = byKey;
    this.byTime = byTime;
  }

  boolean byKey() {
    return byKey;
  }

  boolean byTime() {
    return byTime;
  }

  /** The name users write in {@code feature_store.yaml}. */
  String configName() {
    return OptionNames.of(this);
  }
}
