package dev.feast.iceberg.online.serving;

/**
 * Rows read from one part of a data file (a row group), or written by this store, in columnar form:
 * the unit a {@link RowIndex} merges. Columnar so that a Parquet reader fills it column by column,
 * with no object per row or per value; primitive values are raw bits as in {@link StoredRow}. Not
 * shared between threads while being filled.
 */
final class ColumnBatch {
  final FeatureColumns columns;
  final long sequence;

  /** The serialized entity key of each row; a row without a key or event time is skipped. */
  final byte[][] keys;

  /** Event timestamps in epoch microseconds. */
  final long[] events;

  /** Created timestamps in epoch microseconds, {@link StoredRow#NO_CREATED} when absent. */
  final long[] created;

  /** Per feature column, raw bits per row; null for object columns. */
  final long[][] bits;

  /** Per feature column, values per row; null for primitive columns. */
  final Object[][] objects;

  /** Per feature column, whether each row's value is null; null when no row's is. */
  final boolean[][] nulls;

  private int size;

  ColumnBatch(FeatureColumns columns, int capacity, long sequence) {
    this.columns = columns;
    this.sequence = sequence;
    this.keys = new byte[capacity][];
    this.events = new long[capacity];
    this.created = new long[capacity];
    int width = columns.size();
    this.bits = new long[width][];
    this.objects = new Object[width][];
    this.nulls = new boolean[width][];
    for (int i = 0; i < width; i++) {
      if (columns.kind(i) == FeatureColumns.OBJECT) {
        objects[i] = new Object[capacity];
      } else {
        bits[i] = new long[capacity];
      }
    }
  }

  /** The rows filled. */
  int size() {
    return size;
  }

  /** Sets the number of rows filled, for readers that fill whole columns. */
  void size(int rows) {
    this.size = rows;
  }

  boolean full() {
    return size == keys.length;
  }

  /** Appends one row of values in Feast's Java representation (see {@link StoredRow}). */
  void add(byte[] key, long eventMicros, long createdMicros, Object[] values) {
    int row = size++;
    keys[row] = key;
    events[row] = eventMicros;
    created[row] = createdMicros;
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      if (value == null) {
        setNull(i, row);
      } else if (bits[i] != null) {
        bits[i][row] = StoredRow.toBits(columns.kind(i), value);
      } else {
        objects[i][row] = value;
      }
    }
  }

  /** Marks a value null. */
  void setNull(int column, int row) {
    if (nulls[column] == null) {
      nulls[column] = new boolean[keys.length];
    }
    nulls[column][row] = true;
  }

  boolean isNull(int column, int row) {
    return nulls[column] != null && nulls[column][row];
  }
}
