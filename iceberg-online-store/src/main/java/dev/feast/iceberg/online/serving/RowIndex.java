package dev.feast.iceberg.online.serving;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The winning row per entity key of one view, with the columns its rows are aligned to. A reader
 * takes one index and uses it for a whole request, so columns and rows always agree even while a
 * rebuild swaps in a new index.
 */
public final class RowIndex {
  private final FeatureColumns columns;
  private final ConcurrentHashMap<ByteBuffer, StoredRow> rows;

  RowIndex(FeatureColumns columns) {
    this.columns = columns;
    this.rows = new ConcurrentHashMap<>();
  }

  /** The columns the rows' values are aligned to. */
  public FeatureColumns columns() {
    return columns;
  }

  /** The winning row of a serialized entity key, or null. */
  public StoredRow get(ByteBuffer key) {
    return rows.get(key);
  }

  /** The number of keys held. */
  public int size() {
    return rows.size();
  }

  /** Keeps the newer of the held row and {@code row}; atomic per key. */
  void offer(ByteBuffer key, StoredRow row) {
    rows.merge(key, row, StoredRow::latest);
  }
}
