package dev.feast.iceberg.online.serving;

import dev.feast.iceberg.common.TableAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving state of one feature view: the winning row per entity key of its table, kept in
 * memory and brought up to date with the table's snapshots.
 *
 * <p>Reads never touch the catalog or plan a scan: they look keys up in the current {@link
 * RowIndex}. Catching up costs one catalog round trip ({@link Table#refresh()}) at most once per
 * refresh interval, then reads only the data files appended since the snapshot the state was
 * built from. Because "latest (event, created) wins" is commutative and idempotent, appended files
 * can be applied on top of the state in any number of steps; a snapshot that removes or replaces
 * data (compaction, deletes, a rollback, expired history) makes the state rebuild from a full
 * scan, swapped in whole so that readers never see it half built.
 *
 * <p>Writes, refreshes and rebuilds of one view are serialized by a lock; reads take no lock.
 */
public final class ViewState {
  private static final Logger log = LoggerFactory.getLogger(ViewState.class);

  private final String view;
  private final Table table;
  private final LongSupplier nanoTime;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile RowIndex index;
  private volatile Long builtFrom;
  private volatile long lastRefreshNanos;
  private volatile boolean stale;

  private ViewState(String view, Table table, LongSupplier nanoTime) {
    this.view = view;
    this.table = table;
    this.nanoTime = nanoTime;
  }

  /** Builds the state of a view from its table's current snapshot. */
  public static ViewState load(String view, Table table, LongSupplier nanoTime) {
    ViewState state = new ViewState(view, table, nanoTime);
    state.lock.lock();
    try {
      state.rebuild(table.currentSnapshot());
      state.lastRefreshNanos = nanoTime.getAsLong();
    } finally {
      state.lock.unlock();
    }
    return state;
  }

  /** The current index; use one index for a whole request. */
  public RowIndex index() {
    return index;
  }

  /** The table this state follows. */
  public Table table() {
    return table;
  }

  /**
   * Catches up with the table when the last check is at least {@code intervalNanos} old. Never
   * waits: when another thread is writing or refreshing the view, the current state is served.
   */
  public void refreshIfDue(long intervalNanos) {
    if (!stale && nanoTime.getAsLong() - lastRefreshNanos < intervalNanos) {
      return;
    }
    if (lock.tryLock()) {
      try {
        refreshLocked();
      } finally {
        lock.unlock();
      }
    }
  }

  /** Asks the catalog for the table's latest snapshot and catches up with it now. */
  public void refresh() {
    lock.lock();
    try {
      refreshLocked();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Appends the rows as one commit and applies them to the state before returning, so the next
   * read of this instance sees them. Rows must be validated against {@link #index()}'s columns
   * and sorted by key.
   */
  public void write(List<KeyedRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    lock.lock();
    try {
      FeatureColumns columns = index.columns();
      if (columns.schemaId() != table.schema().schemaId()) {
        // Another process changed the schema; align the state first so records and rows agree.
        table.refresh();
        rebuild(table.currentSnapshot());
        columns = index.columns();
      }
      List<Record> records = new ArrayList<>(rows.size());
      for (KeyedRow row : rows) {
        records.add(TableRecords.toRecord(table.schema(), columns, row));
      }
      // Until caught up, the next read must check the table (the commit may have landed).
      stale = true;
      List<DataFile> written = TableAppender.append(table, records);
      Set<String> own = new HashSet<>();
      written.forEach(file -> own.add(file.location()));
      // The commit refreshed the table, so this counts as a catalog check.
      lastRefreshNanos = nanoTime.getAsLong();
      catchUp(own, rows);
    } finally {
      lock.unlock();
    }
  }

  private void refreshLocked() {
    table.refresh();
    lastRefreshNanos = nanoTime.getAsLong();
    catchUp(Set.of(), List.of());
  }

  /**
   * Applies the snapshots committed since {@link #builtFrom}; the files in {@code ownFiles} hold
   * {@code ownRows}, which are applied from memory at their place in commit order.
   */
  private void catchUp(Set<String> ownFiles, List<KeyedRow> ownRows) {
    stale = true;
    Snapshot current = table.currentSnapshot();
    Long currentId = current == null ? null : current.snapshotId();
    if (index.columns().schemaId() != table.schema().schemaId()) {
      rebuild(current);
    } else if (!Objects.equals(currentId, builtFrom)) {
      List<DataFile> added = SnapshotDelta.addedSince(table, builtFrom, current);
      if (added == null) {
        rebuild(current);
      } else {
        apply(added, ownFiles, ownRows);
        builtFrom = currentId;
      }
    }
    stale = false;
  }

  private void apply(List<DataFile> added, Set<String> ownFiles, List<KeyedRow> ownRows) {
    RowIndex target = index;
    boolean ownApplied = false;
    long read = 0;
    for (DataFile file : added) {
      if (ownFiles.contains(file.location())) {
        if (!ownApplied) {
          for (KeyedRow row : ownRows) {
            target.offer(row.key(), TableRecords.toStored(target.columns(), row));
          }
          ownApplied = true;
        }
      } else {
        read += DataFileRows.load(table, file, target);
      }
    }
    log.debug("view {}: applied {} new data files ({} rows read)", view, added.size(), read);
  }

  private void rebuild(Snapshot current) {
    RowIndex fresh = new RowIndex(FeatureColumns.of(table.schema()));
    if (current != null) {
      List<FileScanTask> tasks = plan(current);
      boolean plain =
          tasks.stream()
              .allMatch(t -> t.deletes().isEmpty() && t.file().format() == FileFormat.PARQUET);
      if (plain) {
        // Oldest commit first, so that on a full (event, created) tie the later commit wins.
        tasks.sort(Comparator.comparingLong(t -> sequence(t.file())));
        tasks.forEach(task -> DataFileRows.load(table, task.file(), fresh));
      } else {
        readMerged(current, fresh);
      }
    }
    index = fresh;
    builtFrom = current == null ? null : current.snapshotId();
    log.debug("view {}: rebuilt serving state with {} keys", view, fresh.size());
  }

  private List<FileScanTask> plan(Snapshot current) {
    List<FileScanTask> tasks = new ArrayList<>();
    try (CloseableIterable<FileScanTask> planned =
        table.newScan().useSnapshot(current.snapshotId()).planFiles()) {
      planned.forEach(tasks::add);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not plan a scan of " + table.name(), e);
    }
    return tasks;
  }

  /** Reads through Iceberg's generic reader, which applies delete files and any file format. */
  private void readMerged(Snapshot current, RowIndex target) {
    try (CloseableIterable<Record> records =
        IcebergGenerics.read(table).useSnapshot(current.snapshotId()).build()) {
      records.forEach(record -> DataFileRows.offer(target, record));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + table.name(), e);
    }
  }

  private static long sequence(DataFile file) {
    Long sequence = file.dataSequenceNumber();
    return sequence == null ? 0 : sequence;
  }
}
