package dev.feast.iceberg.spi.offline;

import dev.feast.iceberg.spi.annotation.Stable;

/**
 * What a retrieval read.
 *
 * @param filesPlanned data files in the sources' current snapshots
 * @param filesScanned data files left after pruning and actually read
 */
@Stable
public record RetrievalMetadata(long filesPlanned, long filesScanned) {}
