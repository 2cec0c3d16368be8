package dev.feast.iceberg.online.conformance;

import dev.feast.iceberg.online.PartitionStrategy;

/** The online conformance suite with the {@code hybrid} partition strategy. */
class HybridPartitionedOnlineStoreConformanceTest extends IcebergOnlineStoreConformance {
  @Override
  PartitionStrategy partitionStrategy() {
    return PartitionStrategy.HYBRID;
  }
}
