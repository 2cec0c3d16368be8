package dev.feast.iceberg.online.maintenance;

import dev.feast.iceberg.spi.online.MaintenanceReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.util.PropertyUtil;

/**
 * One maintenance run on one online table: compaction with expired-row deletion ({@link
 * Compactor}), then snapshot expiry and orphan-file cleanup ({@link SnapshotCleaner}), unless the
 * table has {@code gc.enabled=false}: Iceberg then refuses to delete its files (another table may
 * share them), and the run says so in its report instead of failing after the compaction.
 *
 * @param snapshotRetention how old a snapshot must be to be expired
 * @param orphanFileAge how old an unreferenced file must be to be deleted
 */
public record TableMaintenance(Duration snapshotRetention, Duration orphanFileAge) {
  static final String NOTHING_TO_COMPACT = "nothing needed compaction";
  static final String GC_DISABLED =
      "snapshot expiry and orphan removal skipped: table has gc.enabled=false";

  /**
   * Maintains {@code table} of {@code view} at {@code now}; {@code ttl} null or zero keeps every
   * row. Files are written on {@code pool}.
   */
  public MaintenanceReport run(
      String view, Table table, Duration ttl, Instant now, ExecutorService pool) {
    Instant cutoff = ttl == null || ttl.isZero() ? null : now.minus(ttl);
    Compactor.Result compacted = new Compactor(table, cutoff, pool, () -> {}).compact();
    List<String> notes = new ArrayList<>();
    if (compacted.filesRewritten() == 0) {
      notes.add(NOTHING_TO_COMPACT);
    }
    long expired = 0;
    if (gcEnabled(table)) {
      SnapshotCleaner cleaner = new SnapshotCleaner(table);
      expired = cleaner.expireSnapshots(now.minus(snapshotRetention));
      if (cleaner.deleteOrphans(now.minus(orphanFileAge)) < 0) {
        notes.add(
            "orphan removal skipped: "
                + table.io().getClass().getSimpleName()
                + " cannot list files");
      }
    } else {
      notes.add(GC_DISABLED);
    }
    return new MaintenanceReport(
        view,
        compacted.filesRewritten(),
        compacted.filesWritten(),
        compacted.expiredRowsDeleted(),
        expired,
        notes);
  }

  private static boolean gcEnabled(Table table) {
    table.refresh();
    return PropertyUtil.propertyAsBoolean(
        table.properties(), TableProperties.GC_ENABLED, TableProperties.GC_ENABLED_DEFAULT);
  }

  /**
   * Compaction alone, with {@code beforeCommit} run after the new files are written and before each
   * commit attempt: lets a test commit concurrently at the worst moment.
   */
  public static MaintenanceReport compact(
      String view, Table table, Instant cutoff, ExecutorService pool, Runnable beforeCommit) {
    Compactor.Result compacted = new Compactor(table, cutoff, pool, beforeCommit).compact();
    return new MaintenanceReport(
        view,
        compacted.filesRewritten(),
        compacted.filesWritten(),
        compacted.expiredRowsDeleted(),
        0);
  }
}
