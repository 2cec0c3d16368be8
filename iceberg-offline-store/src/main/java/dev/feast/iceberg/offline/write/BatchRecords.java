package dev.feast.iceberg.offline.write;

import dev.feast.iceberg.common.RecordValues;
import dev.feast.iceberg.offline.values.Values;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.offline.WriteListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.util.StructLikeMap;

/**
 * A checked batch as records of its table, made one at a time as the writer takes them (a large
 * batch is not held twice), in partition order: a day of rows after another, so one data file is
 * open at a time. Rows in input order would keep a file per day open, and their pages in memory,
 * until the last row.
 */
public final class BatchRecords implements Iterable<Record> {
  // How often the listener hears of rows written: often enough for a progress bar, cheap enough.
  private static final int PROGRESS_ROWS = 10_000;

  private final Table table;
  private final RowSet rows;
  private final WriteListener listener;
  private final int[] positions;
  private final int[] order;
  private final boolean[] all;

  public BatchRecords(Table table, RowSet rows, WriteListener listener) {
    this.table = table;
    this.rows = rows;
    this.listener = listener;
    Schema schema = table.schema();
    List<Field> columns = rows.columns();
    positions = new int[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      positions[c] = schema.columns().indexOf(schema.findField(columns.get(c).name()));
    }
    all = new boolean[columns.size()];
    Arrays.fill(all, true);
    order = partitionOrder();
  }

  /** Row indexes grouped by partition (in input order within one). */
  private int[] partitionOrder() {
    int[] indexes = new int[rows.size()];
    if (table.spec().isUnpartitioned()) {
      for (int r = 0; r < indexes.length; r++) {
        indexes[r] = r;
      }
      return indexes;
    }
    PartitionKey key = new PartitionKey(table.spec(), table.schema());
    InternalRecordWrapper wrapper = new InternalRecordWrapper(table.schema().asStruct());
    StructLikeMap<List<Integer>> groups = StructLikeMap.create(table.spec().partitionType());
    // Only the columns the partitions derive from are needed to place a row.
    Set<Integer> sources = new HashSet<>();
    table.spec().fields().forEach(f -> sources.add(f.sourceId()));
    boolean[] partitionColumns = new boolean[positions.length];
    for (int c = 0; c < positions.length; c++) {
      partitionColumns[c] = sources.contains(table.schema().columns().get(positions[c]).fieldId());
    }
    for (int r = 0; r < rows.size(); r++) {
      key.partition(wrapper.wrap(record(r, partitionColumns)));
      List<Integer> group = groups.get(key);
      if (group == null) {
        group = new ArrayList<>();
        groups.put(key.copy(), group);
      }
      group.add(r);
    }
    int next = 0;
    for (List<Integer> group : groups.values()) {
      for (int r : group) {
        indexes[next++] = r;
      }
    }
    return indexes;
  }

  /** Row {@code r} as a record, with the values of the columns {@code wanted} marks. */
  private Record record(int r, boolean[] wanted) {
    Schema schema = table.schema();
    GenericRecord record = GenericRecord.create(schema);
    List<Object> row = rows.rows().get(r);
    List<Field> columns = rows.columns();
    for (int c = 0; c < columns.size(); c++) {
      if (!wanted[c]) {
        continue;
      }
      Field column = columns.get(c);
      Object value = Values.normalize(row.get(c), column.type(), column.name());
      record.set(
          positions[c], RecordValues.toIceberg(value, schema.columns().get(positions[c]).type()));
    }
    return record;
  }

  @Override
  public Iterator<Record> iterator() {
    return slice(0, order.length, new AtomicLong()).iterator();
  }

  /**
   * The records in {@code count} slices of consecutive rows of the partition order, to be written
   * at once by as many threads: each slice is still grouped by partition, so each keeps one data
   * file open at a time. The listener hears of the rows of all slices together.
   */
  List<Iterable<Record>> slices(int count) {
    AtomicLong written = new AtomicLong();
    List<Iterable<Record>> slices = new ArrayList<>(count);
    for (int s = 0; s < count; s++) {
      slices.add(
          slice(
              (int) ((long) order.length * s / count),
              (int) ((long) order.length * (s + 1) / count),
              written));
    }
    return slices;
  }

  private Iterable<Record> slice(int from, int to, AtomicLong written) {
    return () ->
        new Iterator<>() {
          private int next = from;

          @Override
          public boolean hasNext() {
            return next < to;
          }

          @Override
          public Record next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            Record record = record(order[next++], all);
            if ((next - from) % PROGRESS_ROWS == 0) {
              synchronized (written) { // so the listener hears counts that only grow
                listener.written(written.addAndGet(PROGRESS_ROWS));
              }
            }
            return record;
          }
        };
  }
}
