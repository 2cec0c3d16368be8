package dev.feast.iceberg.online.conformance;

import dev.feast.iceberg.online.PartitionStrategy;

/** The online conformance suite with the {@code entity_hash} partition strategy. */
class EntityHashPartitionedOnlineStoreConformanceTest extends IcebergOnlineStoreConformance {
  @Override
  PartitionStrategy partitionStrategy() {
    return PartitionStrategy.ENTITY_HASH;
  }
}
