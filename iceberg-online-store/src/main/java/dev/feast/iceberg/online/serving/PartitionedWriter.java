package dev.feast.iceberg.online.serving;

import dev.feast.iceberg.online.write.Partitions;
import dev.feast.iceberg.online.write.RecordRows;
import dev.feast.iceberg.online.write.SortedFile;
import dev.feast.iceberg.online.write.WriteRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.OutputFileFactory;

/**
 * Writes rows sorted by key into Parquet data files of a table, partition by partition, files in
 * parallel on a pool, without committing them. A large partition is cut into contiguous slices so
 * that every core has work and each file covers a narrow key range (which the key bounds in the
 * file's metadata then prune). On failure, the files already written are deleted.
 */
public final class PartitionedWriter {
  /** Below this many rows a slice is not worth a file of its own. */
  private static final int MIN_SLICE = 100_000;

  private PartitionedWriter() {}

  /** Writes records of the table's current schema, sorted by key; the files are not committed. */
  public static List<DataFile> write(Table table, List<Record> records, ExecutorService pool) {
    int[] order = new int[records.size()];
    Arrays.setAll(order, i -> i);
    return write(table, table.schema(), new RecordRows(records), order, pool);
  }

  /**
   * Writes the rows at the positions {@code order} lists (in key order), their feature columns
   * those of {@code schema}, and returns the data files, not committed.
   */
  public static List<DataFile> write(
      Table table, Schema schema, WriteRows rows, int[] order, ExecutorService pool) {
    PartitionSpec spec = table.spec();
    Map<PartitionKey, int[]> partitions = Partitions.group(spec, schema, rows, order);
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    int slice = Math.max(MIN_SLICE, (order.length + threads - 1) / threads);
    OutputFileFactory files =
        OutputFileFactory.builderFor(table, 1, System.nanoTime())
            .format(FileFormat.PARQUET)
            .operationId(UUID.randomUUID().toString())
            .ioSupplier(() -> new LocalFirstIO(table.io()))
            .build();
    List<Future<DataFile>> pending = new ArrayList<>();
    for (Map.Entry<PartitionKey, int[]> partition : partitions.entrySet()) {
      int[] positions = partition.getValue();
      StructLike key = spec.isUnpartitioned() ? null : partition.getKey();
      for (int from = 0; from < positions.length; from += slice) {
        int start = from;
        int end = Math.min(positions.length, from + slice);
        pending.add(
            pool.submit(
                () ->
                    SortedFile.write(
                        table,
                        schema,
                        files.newOutputFile(spec, key),
                        spec,
                        key,
                        rows,
                        positions,
                        start,
                        end)));
      }
    }
    return collect(table, pending);
  }

  private static List<DataFile> collect(Table table, List<Future<DataFile>> pending) {
    List<DataFile> written = new ArrayList<>();
    RuntimeException failure = null;
    for (Future<DataFile> future : pending) {
      try {
        written.add(future.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = failure == null ? new IllegalStateException("Interrupted writing", e) : failure;
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        failure =
            failure != null
                ? failure
                : cause instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("Failed writing " + table.name(), cause);
      }
    }
    if (failure != null) {
      written.forEach(file -> table.io().deleteFile(file.location()));
      throw failure;
    }
    return written;
  }
}
