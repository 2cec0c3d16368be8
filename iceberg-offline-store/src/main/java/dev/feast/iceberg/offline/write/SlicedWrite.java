package dev.feast.iceberg.offline.write;

import dev.feast.iceberg.common.TableAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;

/**
 * Writes the data files of a large batch on several threads, a slice of rows each, for one commit:
 * encoding Parquet is most of a write's time, and one thread would leave the other cores idle. When
 * a slice fails, the files the others wrote are deleted, so nothing unreferenced is left.
 */
public final class SlicedWrite {
  // Below this many rows per slice a thread of its own costs more than it saves, and tests of
  // small batches keep one file per partition.
  private static final int ROWS_PER_SLICE = 200_000;

  private SlicedWrite() {}

  /** The data files of the batch, written but not committed. */
  static List<DataFile> write(Table table, BatchRecords records, int rows) {
    return write(
        table,
        records,
        rows,
        Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), rows / ROWS_PER_SLICE)));
  }

  /** As {@link #write(Table, BatchRecords, int)}, in {@code slices} slices at most. */
  public static List<DataFile> write(Table table, BatchRecords records, int rows, int slices) {
    if (slices == 1 || rows < slices) {
      return TableAppender.writeClustered(table, records);
    }
    ExecutorService threads =
        Executors.newFixedThreadPool(
            slices,
            runnable -> {
              Thread thread = new Thread(runnable, "offline-write");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<List<DataFile>>> written = new ArrayList<>();
      for (Iterable<Record> slice : records.slices(slices)) {
        written.add(threads.submit(() -> TableAppender.writeClustered(table, slice)));
      }
      return collect(table, written);
    } finally {
      threads.shutdownNow();
    }
  }

  private static List<DataFile> collect(Table table, List<Future<List<DataFile>>> written) {
    List<DataFile> files = new ArrayList<>();
    RuntimeException failure = null;
    for (Future<List<DataFile>> slice : written) {
      try {
        files.addAll(slice.get());
      } catch (ExecutionException e) {
        RuntimeException cause =
            e.getCause() instanceof RuntimeException r
                ? r
                : new IllegalStateException(e.getCause());
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = new IllegalStateException("Interrupted while writing " + table.name(), e);
        break;
      }
    }
    if (failure != null) {
      files.forEach(file -> table.io().deleteFile(file.location()));
      throw failure;
    }
    return files;
  }
}
