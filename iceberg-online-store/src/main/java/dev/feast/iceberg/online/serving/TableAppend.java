package dev.feast.iceberg.online.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.CommitStateUnknownException;

/**
 * The two halves of an append to an online table: rows written into data files (not yet visible),
 * and one commit that makes a set of files visible at once.
 */
final class TableAppend {
  private TableAppend() {}

  /** Writes rows (aligned with {@code columns}, sorted by key) into data files, not committed. */
  static List<DataFile> writeFiles(
      Table table, FeatureColumns columns, List<KeyedRow> rows, ExecutorService pool) {
    GenericRecord template = GenericRecord.create(table.schema());
    List<Record> records = new ArrayList<>(rows.size());
    for (KeyedRow row : rows) {
      records.add(TableRecords.toRecord(template, columns, row));
    }
    return PartitionedWriter.write(table, records, pool);
  }

  /**
   * Commits the files as one fast append. When the commit definitely failed the files are deleted
   * (they would only be orphans); when its outcome is unknown they are kept, as the commit may have
   * landed.
   */
  static void commit(Table table, List<DataFile> files) {
    AppendFiles append = table.newFastAppend();
    files.forEach(append::appendFile);
    try {
      append.commit();
    } catch (CommitStateUnknownException e) {
      throw e;
    } catch (RuntimeException e) {
      deleteQuietly(table, files, e);
      throw e;
    }
  }

  /**
   * Deletes files no snapshot references; a failure is added to {@code cause} when there is one (a
   * file left behind is an orphan, which maintenance removes).
   */
  static void deleteQuietly(Table table, List<DataFile> files, Throwable cause) {
    for (DataFile file : files) {
      try {
        table.io().deleteFile(file.location());
      } catch (RuntimeException e) {
        if (cause != null) {
          cause.addSuppressed(e);
        }
      }
    }
  }
}
