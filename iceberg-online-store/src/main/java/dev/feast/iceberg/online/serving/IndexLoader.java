package dev.feast.iceberg.online.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a {@link RowIndex} from data files, several files at once on the store's pool: a whole
 * snapshot (a rebuild), or the steps of a {@link SnapshotDelta}.
 */
final class IndexLoader {
  private static final Logger log = LoggerFactory.getLogger(IndexLoader.class);
  /** How often, in rows, a load checks the serving limits. */
  private static final int CHECK_EVERY = 16_384;

  private final Table table;
  private final RowIndex index;
  private final ExecutorService pool;

  IndexLoader(Table table, RowIndex index, ExecutorService pool) {
    this.table = table;
    this.index = index;
    this.pool = pool;
  }

  /** Loads every planned file; false when the index went past {@code limits} (then abandoned). */
  boolean load(List<FileScanTask> tasks, ServingLimits limits) {
    if (tasks.stream().anyMatch(task -> task.file().format() != FileFormat.PARQUET)) {
      return loadThroughScan(limits);
    }
    AtomicBoolean over = new AtomicBoolean();
    List<Future<?>> pending = new ArrayList<>();
    for (FileScanTask task : tasks) {
      pending.add(pool.submit(() -> {
        if (!over.get()) {
          read(task.file(), task.deletes().isEmpty() ? null : task, limits, over);
        }
      }));
    }
    await(pending);
    return !over.get();
  }

  /** Applies delta steps in order; own files are applied from {@code ownRows}. */
  void apply(List<SnapshotDelta.Step> steps, Set<String> ownFiles, List<KeyedRow> ownRows) {
    long files = 0;
    for (SnapshotDelta.Step step : steps) {
      if (step.evictBefore() != null) {
        int evicted = index.evictOlderThan(step.evictBefore());
        log.debug("evicted {} keys compacted away as older than {}", evicted, step.evictBefore());
        continue;
      }
      List<Future<?>> pending = new ArrayList<>();
      boolean ownApplied = false;
      for (DataFile file : step.added()) {
        long sequence = TaskRows.sequence(file);
        if (ownFiles.contains(file.location())) {
          if (!ownApplied) {
            for (KeyedRow row : ownRows) {
              index.offer(row.key(), TableRecords.toStored(index.columns(), row, sequence));
            }
            ownApplied = true;
          }
        } else {
          files++;
          pending.add(pool.submit(() -> read(file, null, ServingLimits.NONE, new AtomicBoolean())));
        }
      }
      await(pending);
    }
    log.debug("{}: applied {} delta steps ({} files read)", table.name(), steps.size(), files);
  }

  /** Offers the rows of a file; {@code withDeletes} is its task when it has delete files. */
  private void read(
      DataFile file, FileScanTask withDeletes, ServingLimits limits, AtomicBoolean over) {
    long sequence = TaskRows.sequence(file);
    FeatureColumns columns = index.columns();
    long rows = 0;
    try (CloseableIterable<Record> records = withDeletes == null
        ? TaskRows.open(table, file, table.schema(), null)
        : TaskRows.open(table, withDeletes, table.schema(), null)) {
      for (Record record : records) {
        offer(columns, record, sequence);
        if (++rows % CHECK_EVERY == 0 && limits.limited() && limits.exceededBy(index)) {
          over.set(true);
          return;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not read data file " + file.location() + " of " + table.name(), e);
    }
    if (limits.limited() && limits.exceededBy(index)) {
      over.set(true);
    }
  }

  /** Reads through Iceberg's generic scan, for files in formats other than Parquet. */
  private boolean loadThroughScan(ServingLimits limits) {
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      for (Record record : records) {
        offer(index.columns(), record, 0);
        if (limits.limited() && limits.exceededBy(index)) {
          return false;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + table.name(), e);
    }
    return true;
  }

  private void offer(FeatureColumns columns, Record record, long sequence) {
    StoredRow row = TableRecords.fromRecord(columns, record, sequence);
    if (row != null && record.get(0) != null) {
      index.offer(TableRecords.key(record), row);
    }
  }

  /** Waits for every task; the first failure is thrown once all have ended. */
  static void await(List<Future<?>> pending) {
    RuntimeException failure = null;
    for (Future<?> future : pending) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        pending.forEach(f -> f.cancel(true));
        throw new IllegalStateException("Interrupted while reading data files", e);
      } catch (ExecutionException | CancellationException e) {
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        if (failure == null) {
          failure = cause instanceof RuntimeException runtime ? runtime
              : new IllegalStateException("Could not read data files", cause);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
