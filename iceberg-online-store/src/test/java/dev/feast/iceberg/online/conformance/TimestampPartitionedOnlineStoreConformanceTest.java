package dev.feast.iceberg.online.conformance;

import dev.feast.iceberg.online.PartitionStrategy;

/** The online conformance suite with the {@code timestamp} partition strategy. */
class TimestampPartitionedOnlineStoreConformanceTest extends IcebergOnlineStoreConformance {
  @Override
  PartitionStrategy partitionStrategy() {
    return PartitionStrategy.TIMESTAMP;
  }
}
