package dev.feast.iceberg.online;

import dev.feast.iceberg.spi.ConfigException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How an online table is partitioned ({@code partition_strategy}). */
enum PartitionStrategy {
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
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static PartitionStrategy parse(String value) {
    String wanted = IcebergOnlineStoreConfig.lower(value);
    for (PartitionStrategy strategy : values()) {
      if (strategy.configName().equals(wanted)) {
        return strategy;
      }
    }
    throw new ConfigException(
        "online_store.partition_strategy '" + value + "' is not supported; use one of: "
            + Arrays.stream(values()).map(PartitionStrategy::configName)
                .collect(Collectors.joining(", ")));
  }
}
