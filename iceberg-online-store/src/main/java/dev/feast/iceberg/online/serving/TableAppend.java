package dev.feast.iceberg.online.serving;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
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
    int[] order = new int[rows.size()];
    Arrays.setAll(order, i -> i);
    return PartitionedWriter.write(table, schema(table, columns), new KeyedRows(rows), order, pool);
  }

  /** The table schema whose feature columns {@code columns} are. */
  static Schema schema(Table table, FeatureColumns columns) {
    Schema schema = table.schemas().get(columns.schemaId());
    return schema != null ? schema : table.schema();
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
