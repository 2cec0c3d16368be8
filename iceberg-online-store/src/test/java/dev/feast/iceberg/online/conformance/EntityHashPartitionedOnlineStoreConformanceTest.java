package dev.feast.iceberg.online.conformance;

/** The online conformance suite with the {@code entity_hash} partition strategy. */
class EntityHashPartitionedOnlineStoreConformanceTest extends IcebergOnlineStoreConformance {
  @Override
  String partitionStrategy() {
    return "entity_hash";
  }
}
