package dev.feast.iceberg.online.conformance;

/**
 * The online conformance suite with {@code serving_mode: files} (every read from the data files,
 * pruned by key bucket) and the {@code entity_hash} partition strategy.
 */
class FilesServingEntityHashOnlineStoreConformanceTest extends IcebergOnlineStoreConformance {
  @Override
  String partitionStrategy() {
    return "entity_hash";
  }

  @Override
  String servingMode() {
    return "files";
  }
}
