package dev.feast.iceberg.spi.online;

/**
 * What one maintenance run did to one feature view's storage.
 *
 * @param view the feature view
 * @param filesRewritten data and delete files replaced by compaction
 * @param filesWritten data files compaction wrote
 * @param expiredRowsDeleted rows removed because they were older than the ttl
 * @param snapshotsExpired snapshots removed
 */
public record MaintenanceReport(
    String view, long filesRewritten, long filesWritten, long expiredRowsDeleted, long snapshotsExpired) {}
