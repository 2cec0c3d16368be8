package dev.feast.iceberg.online.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFileFactory;

/**
 * Writes records sorted by key into Parquet data files of a table, partition by partition, files
 * in parallel on a pool, without committing them. A large partition is cut into contiguous slices
 * so that every core has work and each file covers a narrow key range (which the key bounds in the
 * file's metadata then prune). On failure, the files already written are deleted.
 */
public final class PartitionedWriter {
  /** Below this many rows a slice is not worth a file of its own. */
  private static final int MIN_SLICE = 100_000;
  private static final String BLOOM_NDV =
      "write.parquet.bloom-filter-ndv.column." + FeatureColumns.ENTITY_KEY;

  private PartitionedWriter() {}

  /** Writes the records (in the table's sort order) and returns the data files, not committed. */
  public static List<DataFile> write(Table table, List<Record> records, ExecutorService pool) {
    PartitionSpec spec = table.spec();
    Map<PartitionKey, List<Record>> partitions = group(table, records);
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    int slice = Math.max(MIN_SLICE, (records.size() + threads - 1) / threads);
    OutputFileFactory files =
        OutputFileFactory.builderFor(table, 1, System.nanoTime())
            .format(FileFormat.PARQUET)
            .operationId(UUID.randomUUID().toString())
            .ioSupplier(() -> new LocalFirstIO(table.io()))
            .build();
    List<Future<DataFile>> pending = new ArrayList<>();
    for (Map.Entry<PartitionKey, List<Record>> partition : partitions.entrySet()) {
      List<Record> rows = partition.getValue();
      for (int from = 0; from < rows.size(); from += slice) {
        List<Record> part = rows.subList(from, Math.min(rows.size(), from + slice));
        StructLike key = spec.isUnpartitioned() ? null : partition.getKey();
        pending.add(pool.submit(() -> writeFile(table, files, spec, key, part)));
      }
    }
    return collect(table, pending);
  }

  private static Map<PartitionKey, List<Record>> group(Table table, List<Record> records) {
    Map<PartitionKey, List<Record>> partitions = new LinkedHashMap<>();
    PartitionKey partition = new PartitionKey(table.spec(), table.schema());
    InternalRecordWrapper wrapper = new InternalRecordWrapper(table.schema().asStruct());
    for (Record record : records) {
      partition.partition(wrapper.wrap(record));
      List<Record> rows = partitions.get(partition);
      if (rows == null) {
        rows = new ArrayList<>();
        partitions.put(partition.copy(), rows);
      }
      rows.add(record);
    }
    return partitions;
  }

  private static DataFile writeFile(
      Table table,
      OutputFileFactory files,
      PartitionSpec spec,
      StructLike partition,
      List<Record> rows) {
    // The key bloom filter sized for this file's keys (one row per key): Parquet would otherwise
    // give every file, however small, the maximum size (1 MB by default).
    GenericFileWriterFactory writers =
        new GenericFileWriterFactory.Builder(table)
            .dataFileFormat(FileFormat.PARQUET)
            .dataSchema(table.schema())
            .dataSortOrder(table.sortOrder())
            .writerProperties(Map.of(BLOOM_NDV, Integer.toString(Math.max(16, rows.size()))))
            .build();
    DataWriter<Record> writer =
        writers.newDataWriter(files.newOutputFile(spec, partition), spec, partition);
    try {
      try {
        for (Record row : rows) {
          writer.write(row);
        }
      } finally {
        writer.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Failed writing a data file of table " + table.name(), e);
    }
    return writer.toDataFile();
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
        failure = failure != null ? failure
            : cause instanceof RuntimeException runtime ? runtime
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
