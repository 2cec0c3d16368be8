package dev.feast.iceberg.online.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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

  /** The suite above runs against the files, not a copy: without them a read cannot answer. */
  @Test
  void readsComeFromTheDataFilesNotFromAHeldCopy() {
    assertThatThrownBy(this::readWithTheDataFilesGone).hasMessageContaining("files_gone");
  }
}
