package dev.feast.iceberg.online.serving;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The winning row per entity key of one view, with the columns its rows are aligned to, in
 * memory. It keeps an estimate of the heap it takes, which the view's budget is checked against.
 */
public final class RowIndex implements RowSource {
  /** Rows sampled to estimate the heap a row's values take. */
  private static final int SAMPLE = 256;

  private final FeatureColumns columns;
  private final ConcurrentHashMap<ByteBuffer, StoredRow> rows;
  private final LongAdder keyBytes = new LongAdder();
  private volatile long valueBytesPerRow = -1;
  private long sampledBytes;
  private int sampled;

  RowIndex(FeatureColumns columns) {
    this.columns = columns;
    this.rows = new ConcurrentHashMap<>();
  }

  @Override
  public FeatureColumns columns() {
    return columns;
  }

  /** The winning row of a serialized entity key, or null. */
  public StoredRow get(ByteBuffer key) {
    return rows.get(key);
  }

  @Override
  public void lookup(ByteBuffer[] keys, StoredRow[] out) {
    for (int i = 0; i < keys.length; i++) {
      out[i] = rows.get(keys[i]);
    }
  }

  /** The number of keys held. */
  public int size() {
    return rows.size();
  }

  /**
   * The estimated heap the index takes: per key its hash table entry, key buffer, row and
   * timestamps, plus the values' size estimated from a sample of rows.
   */
  public long estimatedBytes() {
    // Hash table entry and key buffer, then the row object; arrays and values are sampled.
    long perRow = 32 + 48 + 56 + valueBytesPerRow();
    return keyBytes.sum() + perRow * rows.size();
  }

  /** Keeps the newer of the held row and {@code row}; atomic per key. */
  void offer(ByteBuffer key, StoredRow row) {
    StoredRow held = rows.putIfAbsent(key, row);
    if (held == null) {
      keyBytes.add(16 + key.remaining());
      if (valueBytesPerRow < 0) {
        sample(row);
      }
    } else if (row.replaces(held)) {
      rows.merge(key, row, StoredRow::latest);
    }
  }

  /** Removes the keys whose winning row is older than {@code cutoff}; returns how many. */
  int evictOlderThan(Instant cutoff) {
    int[] evicted = {0};
    rows.forEach((key, row) -> {
      if (row.olderThan(cutoff) && rows.remove(key, row)) {
        keyBytes.add(-(16 + key.remaining()));
        evicted[0]++;
      }
    });
    return evicted[0];
  }

  private synchronized void sample(StoredRow row) {
    if (sampled >= SAMPLE) {
      return;
    }
    sampledBytes += row.arrayBytes();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.kind(i) == FeatureColumns.OBJECT) {
        sampledBytes += valueBytes(row.value(i));
      }
    }
    if (++sampled == SAMPLE) {
      valueBytesPerRow = sampledBytes / SAMPLE;
    }
  }

  /** The estimated bytes per row's values until the sample is complete, then the average. */
  private synchronized long valueBytesPerRow() {
    return valueBytesPerRow >= 0 ? valueBytesPerRow : sampled == 0 ? 0 : sampledBytes / sampled;
  }

  private static long valueBytes(Object value) {
    if (value == null) {
      return 0;
    } else if (value instanceof String s) {
      return 40 + s.length();
    } else if (value instanceof ByteBuffer b) {
      return 64 + b.remaining();
    } else if (value instanceof List<?> list) {
      long bytes = 40 + 4L * list.size();
      for (Object item : list) {
        bytes += valueBytes(item);
      }
      return bytes;
    }
    return 24;
  }
}
