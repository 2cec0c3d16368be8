package dev.feast.iceberg.spi.online;

import dev.feast.iceberg.spi.annotation.Evolving;
import java.util.List;

/**
 * What one maintenance run did to one feature view's storage.
 *
 * @param view the feature view
 * @param filesRewritten data and delete files replaced by compaction
 * @param filesWritten data files compaction wrote
 * @param expiredRowsDeleted rows removed because they were older than the ttl
 * @param snapshotsExpired snapshots removed
 * @param notes what the run left out and why, one sentence each (e.g. {@code nothing needed
 *     compaction}), for the user to read; empty when it did everything
 */
@Evolving
public record MaintenanceReport(
    String view,
    long filesRewritten,
    long filesWritten,
    long expiredRowsDeleted,
    long snapshotsExpired,
    List<String> notes) {

  public MaintenanceReport {
    notes = List.copyOf(notes);
  }

  /** A report without notes. */
  public MaintenanceReport(
      String view,
      long filesRewritten,
      long filesWritten,
      long expiredRowsDeleted,
      long snapshotsExpired) {
    this(view, filesRewritten, filesWritten, expiredRowsDeleted, snapshotsExpired, List.of());
  }
}
