package dev.feast.iceberg.online.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.online.PartitionStrategy;
import dev.feast.iceberg.online.ServingMode;
import org.junit.jupiter.api.Test;

/**
 * The online conformance suite with {@code serving_mode: files} and the {@code timestamp} partition
 * strategy, where no partition tells where a key is.
 */
class FilesServingTimestampOnlineStoreConformanceTest extends IcebergOnlineStoreConformance {
  @Override
  PartitionStrategy partitionStrategy() {
    return PartitionStrategy.TIMESTAMP;
  }

  @Override
  ServingMode servingMode() {
    return ServingMode.FILES;
  }

  /** The suite above runs against the files, not a copy: without them a read cannot answer. */
  @Test
  void readsComeFromTheDataFilesNotFromAHeldCopy() {
    assertThatThrownBy(this::readWithTheDataFilesGone).hasMessageContaining("files_gone");
  }
}
