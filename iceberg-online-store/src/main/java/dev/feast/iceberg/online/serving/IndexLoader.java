package dev.feast.iceberg.online.serving;

import dev.feast.iceberg.spi.ExternalSystemException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
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
 * snapshot (a rebuild), or the steps of a {@link SnapshotDelta}. Parquet files of numeric features
 * are decoded column by column ({@link ParquetBatches}); other files, and files with delete files,
 * through Iceberg's generic reader. Either way rows reach the index as {@link ColumnBatch}es.
 */
final class IndexLoader {
  private static final Logger log = LoggerFactory.getLogger(IndexLoader.class);

  /** Rows per batch when rows come one by one (generic reader, own writes). */
  private static final int BATCH_ROWS = 4096;

  private final Table table;
  private final RowIndex index;
  private final ExecutorService pool;
  private final ParquetBatches columnar;

  IndexLoader(Table table, RowIndex index, ExecutorService pool) {
    this.table = table;
    this.index = index;
    this.pool = pool;
    this.columnar =
        ParquetBatches.supports(index.columns())
            ? new ParquetBatches(table.schema(), index.columns())
            : null;
  }

  /** Loads every planned file; false when the index went past {@code limits} (then abandoned). */
  boolean load(List<FileScanTask> tasks, ServingLimits limits) {
    if (tasks.stream().anyMatch(task -> task.file().format() != FileFormat.PARQUET)) {
      return loadThroughScan(limits);
    }
    AtomicBoolean over = new AtomicBoolean();
    List<Future<?>> pending = new ArrayList<>();
    // Largest files first, so that the last file read does not leave the other threads idle.
    List<FileScanTask> ordered = new ArrayList<>(tasks);
    ordered.sort(
        Comparator.comparingLong((FileScanTask task) -> task.file().fileSizeInBytes()).reversed());
    for (FileScanTask task : ordered) {
      pending.add(
          pool.submit(
              () -> {
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
        if (ownFiles.contains(file.location())) {
          if (!ownApplied) {
            applyOwn(ownRows, TaskRows.sequence(file));
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

  private void applyOwn(List<KeyedRow> rows, long sequence) {
    ColumnBatch batch = null;
    for (KeyedRow row : rows) {
      if (batch == null || batch.full()) {
        if (batch != null) {
          index.merge(batch);
        }
        batch = new ColumnBatch(index.columns(), Math.min(BATCH_ROWS, rows.size()), sequence);
      }
      TableRecords.add(batch, row);
    }
    if (batch != null) {
      index.merge(batch);
    }
  }

  /** Merges the rows of a file; {@code withDeletes} is its task when it has delete files. */
  private void read(
      DataFile file, FileScanTask withDeletes, ServingLimits limits, AtomicBoolean over) {
    long sequence = TaskRows.sequence(file);
    Consumer<ColumnBatch> merge =
        batch -> {
          if (!over.get()) {
            index.merge(batch);
            if (limits.limited() && limits.exceededBy(index)) {
              over.set(true);
            }
          }
        };
    try {
      if (withDeletes == null
          && columnar != null
          && columnar.read(LocalFirstIO.input(table.io(), file), sequence, merge)) {
        return;
      }
      try (CloseableIterable<Record> records =
          withDeletes == null
              ? TaskRows.open(table, file, table.schema(), null)
              : TaskRows.open(table, withDeletes, table.schema(), null)) {
        mergeRecords(records, sequence, merge);
      }
    } catch (IOException e) {
      throw ExternalSystemException.storage(
          "Could not read data file " + file.location() + " of " + table.name(), e);
    }
  }

  /** Reads through Iceberg's generic scan, for files in formats other than Parquet. */
  private boolean loadThroughScan(ServingLimits limits) {
    AtomicBoolean over = new AtomicBoolean();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      mergeRecords(
          records,
          0,
          batch -> {
            if (!over.get()) {
              index.merge(batch);
              over.set(limits.limited() && limits.exceededBy(index));
            }
          });
    } catch (IOException e) {
      throw ExternalSystemException.storage("Could not read " + table.name(), e);
    }
    return !over.get();
  }

  private void mergeRecords(Iterable<Record> records, long sequence, Consumer<ColumnBatch> merge) {
    FeatureColumns columns = index.columns();
    ColumnBatch batch = new ColumnBatch(columns, BATCH_ROWS, sequence);
    for (Record record : records) {
      TableRecords.add(batch, columns, record);
      if (batch.full()) {
        merge.accept(batch);
        batch = new ColumnBatch(columns, BATCH_ROWS, sequence);
      }
    }
    if (batch.size() > 0) {
      merge.accept(batch);
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
          failure =
              cause instanceof RuntimeException runtime
                  ? runtime
                  : new IllegalStateException("Could not read data files", cause);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
