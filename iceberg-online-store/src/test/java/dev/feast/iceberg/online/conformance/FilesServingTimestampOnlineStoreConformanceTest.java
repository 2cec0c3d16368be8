package dev.feast.iceberg.online.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The online conformance suite with {@code serving_mode: files} and the {@code timestamp} partition
 * strategy, where no partition tells where a key is.
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

  /** The suite above runs against the files, not a copy: without them a read cannot answer. */
  @Test
  void readsComeFromTheDataFilesNotFromAHeldCopy() {
    assertThatThrownBy(this::readWithTheDataFilesGone).hasMessageContaining("files_gone");
  }
}
