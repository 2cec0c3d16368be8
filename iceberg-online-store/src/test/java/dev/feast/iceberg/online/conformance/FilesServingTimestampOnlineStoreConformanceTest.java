package dev.feast.iceberg.online.conformance;

/**
 * The online conformance suite with {@code serving_mode: files} and the {@code timestamp}
 * partition strategy, where no partition tells where a key is.
 */
class FilesServingTimestampOnlineStoreConformanceTest extends IcebergOnlineStoreConformance {
  @Override
  String partitionStrategy() {
    return "timestamp";
  }

  @Override
  String servingMode() {
    return "files";
  }
}
