package dev.feast.iceberg.online.serving;

import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericDeleteFilter;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;

/**
 * Opens the rows of one planned Parquet data file, without a table scan: with the file's delete
 * files applied when it has any, and, given a filter, skipping the row groups that the filter rules
 * out by their statistics, dictionaries and bloom filters (rows of the remaining row groups are all
 * returned; the caller matches them).
 */
public final class TaskRows {
  private TaskRows() {}

  /** The rows of the task's file, projected to {@code projection}; close the iterable. */
  public static CloseableIterable<Record> open(
      Table table, FileScanTask task, Schema projection, Expression filter) {
    GenericDeleteFilter deletes =
        task.deletes().isEmpty()
            ? null
            : new GenericDeleteFilter(table.io(), task, table.schema(), projection);
    CloseableIterable<Record> records =
        open(table, task.file(), deletes == null ? projection : deletes.requiredSchema(), filter);
    return deletes == null ? records : deletes.filter(records);
  }

  /** The rows of a data file that has no delete files. */
  public static CloseableIterable<Record> open(
      Table table, DataFile file, Schema read, Expression filter) {
    Parquet.ReadBuilder builder =
        Parquet.read(LocalFirstIO.input(table.io(), file))
            .project(read)
            .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(read, fileSchema));
    if (filter != null) {
      builder.filter(filter);
    }
    return builder.build();
  }

  /** The order in which files are applied: by data sequence number (later commits win ties). */
  public static long sequence(DataFile file) {
    Long sequence = file.dataSequenceNumber();
    return sequence == null ? 0 : sequence;
  }
}
