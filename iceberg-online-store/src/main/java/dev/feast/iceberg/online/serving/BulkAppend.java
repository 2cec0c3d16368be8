package dev.feast.iceberg.online.serving;

import dev.feast.iceberg.online.write.WriteRows;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;

/**
 * One all-or-nothing write of many batches: each batch is written into data files as it comes (only
 * one batch is held in memory), and {@link #commit()} makes every file visible in one Iceberg
 * append. Closing it without a commit deletes the files written so far; a process that dies first
 * leaves them unreferenced, for maintenance's orphan file removal.
 *
 * <p>It writes with the table's schema as it was when the write began, so a column added meanwhile
 * reads as null in its rows, as in any older file.
 */
public final class BulkAppend implements AutoCloseable {
  private final Table table;
  private final FeatureColumns columns;
  private final ExecutorService pool;
  private final List<DataFile> written = new ArrayList<>();
  private boolean committed;

  /** A write into {@code table}, its files written on {@code pool}. */
  public BulkAppend(Table table, ExecutorService pool) {
    this.table = table;
    this.columns = FeatureColumns.of(table.schema());
    this.pool = pool;
  }

  /**
   * Writes one batch into data files, not yet visible. {@code prepare} turns the caller's rows into
   * rows aligned with the given columns, one per key, sorted by key.
   */
  public void add(Function<FeatureColumns, List<KeyedRow>> prepare) {
    if (committed) {
      throw new IllegalStateException("This bulk write of " + table.name() + " is committed");
    }
    List<KeyedRow> rows = prepare.apply(columns);
    if (!rows.isEmpty()) {
      written.addAll(TableAppend.writeFiles(table, columns, rows, pool));
    }
  }

  /**
   * Writes rows at the positions {@code order} lists (sorted by key, one per key, feature columns
   * those of {@link #schema()}) into data files, not yet visible.
   */
  public void add(WriteRows rows, int[] order) {
    if (committed) {
      throw new IllegalStateException("This bulk write of " + table.name() + " is committed");
    }
    if (order.length > 0) {
      written.addAll(PartitionedWriter.write(table, schema(), rows, order, pool));
    }
  }

  /** The table schema the write follows (as it was when the write began). */
  public Schema schema() {
    return TableAppend.schema(table, columns);
  }

  /** Makes every batch visible in one commit; nothing to commit commits nothing. */
  public void commit() {
    committed = true;
    if (!written.isEmpty()) {
      TableAppend.commit(table, written);
    }
  }

  /** The table written to. */
  public Table table() {
    return table;
  }

  /** Deletes the files of a write that was not committed. */
  @Override
  public void close() {
    if (!committed && !written.isEmpty()) {
      TableAppend.deleteQuietly(table, written, null);
      written.clear();
    }
  }
}
