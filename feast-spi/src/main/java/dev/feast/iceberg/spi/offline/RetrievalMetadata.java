package dev.feast.iceberg.spi.offline;

/**
 * What a retrieval read.
 *
 * @param filesPlanned data files in the sources' current snapshots
 * @param filesScanned data files left after pruning and actually read
 */
public record RetrievalMetadata(long filesPlanned, long filesScanned) {}
