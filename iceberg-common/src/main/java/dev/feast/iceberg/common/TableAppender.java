package dev.feast.iceberg.common;

import dev.feast.iceberg.spi.ExternalSystemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.ClusteredDataWriter;
import org.apache.iceberg.io.DataWriteResult;
import org.apache.iceberg.io.FanoutDataWriter;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.io.PartitioningWriter;

/**
 * Writes generic records into a table's partitions as Parquet files and appends them in one commit,
 * so a batch is either wholly visible or not at all.
 */
public final class TableAppender {
  private static final long TARGET_FILE_SIZE = 128L * 1024 * 1024;

  private TableAppender() {}

  /** Writes the records and commits them as one snapshot; returns the files written. */
  public static List<DataFile> append(Table table, Iterable<Record> records) {
    List<DataFile> files = write(table, records);
    commit(table, files);
    return files;
  }

  /** Appends files {@link #write} wrote as one snapshot; none adds no snapshot. */
  public static void commit(Table table, List<DataFile> files) {
    if (!files.isEmpty()) {
      AppendFiles append = table.newFastAppend();
      files.forEach(append::appendFile);
      append.commit();
    }
  }

  /**
   * Writes the records as data files of the table without committing them. The files record the
   * table's sort order: a caller of a sorted table passes the records in that order.
   */
  public static List<DataFile> write(Table table, Iterable<Record> records) {
    return write(table, records, false);
  }

  /**
   * As {@link #write}, for records that come grouped by partition (all of one partition, then all
   * of the next): one data file is open at a time, where records in any order keep one open (with
   * its pages in memory) per partition until the end.
   */
  public static List<DataFile> writeClustered(Table table, Iterable<Record> records) {
    return write(table, records, true);
  }

  private static List<DataFile> write(Table table, Iterable<Record> records, boolean clustered) {
    GenericFileWriterFactory writers =
        new GenericFileWriterFactory.Builder(table)
            .dataFileFormat(FileFormat.PARQUET)
            .dataSchema(table.schema())
            .dataSortOrder(table.sortOrder())
            .build();
    RecordingFileIO created = new RecordingFileIO(table.io());
    OutputFileFactory files =
        OutputFileFactory.builderFor(table, 1, System.nanoTime())
            .format(FileFormat.PARQUET)
            .operationId(UUID.randomUUID().toString())
            .ioSupplier(() -> created)
            .build();
    PartitionKey partition = new PartitionKey(table.spec(), table.schema());
    InternalRecordWrapper wrapper = new InternalRecordWrapper(table.schema().asStruct());
    PartitioningWriter<Record, DataWriteResult> writer =
        clustered
            ? new ClusteredDataWriter<>(writers, files, table.io(), TARGET_FILE_SIZE)
            : new FanoutDataWriter<>(writers, files, table.io(), TARGET_FILE_SIZE);
    try {
      for (Record record : records) {
        partition.partition(wrapper.wrap(record));
        writer.write(record, table.spec(), partition.copy());
      }
      writer.close();
    } catch (IOException | RuntimeException e) {
      deleteWritten(table, writer, created, e);
      // Iceberg's writers wrap the storage's IOException in an UncheckedIOException.
      IOException storage =
          e instanceof IOException failed
              ? failed
              : e instanceof UncheckedIOException unchecked ? unchecked.getCause() : null;
      throw storage != null
          ? ExternalSystemException.storage(
              "Failed writing data files of table " + table.name(), storage)
          : (RuntimeException) e;
    }
    DataWriteResult result = writer.result();
    return result.dataFiles();
  }

  /**
   * After a failed write: closes the writer (a failure to close is added to {@code failure}) and
   * deletes every file it created, the one it was writing included, so that a failure leaves
   * nothing behind, even when the writer's own close is what failed.
   */
  private static void deleteWritten(
      Table table,
      PartitioningWriter<Record, DataWriteResult> writer,
      RecordingFileIO io,
      Exception failure) {
    try {
      writer.close();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
    for (String location : io.created()) {
      try {
        table.io().deleteFile(location);
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
  }
}
