package dev.feast.iceberg.online.conformance;

/** The online conformance suite with the {@code timestamp} partition strategy. */
class TimestampPartitionedOnlineStoreConformanceTest extends IcebergOnlineStoreConformance {
  @Override
  String partitionStrategy() {
    return "timestamp";
  }
}
