package dev.feast.iceberg.online.maintenance;

import dev.feast.iceberg.spi.online.MaintenanceReport;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import org.apache.iceberg.Table;

/**
 * One maintenance run on one online table: compaction with expired-row deletion ({@link
 * Compactor}), then snapshot expiry and orphan-file cleanup ({@link SnapshotCleaner}).
 *
 * @param snapshotRetention how old a snapshot must be to be expired
 * @param orphanFileAge how old an unreferenced file must be to be deleted
 */
public record TableMaintenance(Duration snapshotRetention, Duration orphanFileAge) {

  /**
   * Maintains {@code table} of {@code view} at {@code now}; {@code ttl} null or zero keeps every
   * row. Files are written on {@code pool}.
   */
  public MaintenanceReport run(
      String view, Table table, Duration ttl, Instant now, ExecutorService pool) {
    Instant cutoff = ttl == null || ttl.isZero() ? null : now.minus(ttl);
    Compactor.Result compacted = new Compactor(table, cutoff, pool, () -> { }).compact();
    SnapshotCleaner cleaner = new SnapshotCleaner(table);
    long expired = cleaner.expireSnapshots(now.minus(snapshotRetention));
    cleaner.deleteOrphans(now.minus(orphanFileAge));
    return new MaintenanceReport(view, compacted.filesRewritten(), compacted.filesWritten(),
        compacted.expiredRowsDeleted(), expired);
  }

  /**
   * Compaction alone, with {@code beforeCommit} run after the new files are written and before
   * each commit attempt: lets a test commit concurrently at the worst moment.
   */
  public static MaintenanceReport compact(
      String view, Table table, Instant cutoff, ExecutorService pool, Runnable beforeCommit) {
    Compactor.Result compacted = new Compactor(table, cutoff, pool, beforeCommit).compact();
    return new MaintenanceReport(view, compacted.filesRewritten(), compacted.filesWritten(),
        compacted.expiredRowsDeleted(), 0);
  }
}
