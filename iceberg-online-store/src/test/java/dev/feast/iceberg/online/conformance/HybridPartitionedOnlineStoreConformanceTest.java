package dev.feast.iceberg.online.conformance;

/** The online conformance suite with the {@code hybrid} partition strategy. */
class HybridPartitionedOnlineStoreConformanceTest extends IcebergOnlineStoreConformance {
  @Override
  String partitionStrategy() {
    return "hybrid";
  }
}
