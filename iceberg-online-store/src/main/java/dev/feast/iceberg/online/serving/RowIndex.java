package dev.feast.iceberg.online.serving;

import dev.feast.iceberg.online.write.ValueHeap;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.locks.StampedLock;

/**
 * The winning row per entity key of one view, with the columns its rows are aligned to, in memory,
 * laid out for a small heap: keys in a {@link KeyTable} (one byte arena, an open-addressing table
 * of row slots), and per slot its timestamps, sequence number and values in pages of {@value
 * #PAGE_ROWS} rows: numbers and booleans as raw bits in one {@code long[]} per page (a row's values
 * side by side, so reading a row touches a few cache lines), other values in an {@code Object[]}
 * per page, null flags in a bitmap allocated for a page only once a null lands in it. No object per
 * key or per value: a million keys of 50 numbers take about 480 bytes per key, and garbage
 * collection has a few thousand arrays to trace rather than millions of objects.
 *
 * <p>Rows are merged in place, a {@link ColumnBatch} at a time, under the write lock of a {@link
 * StampedLock}; readers take its read lock, so a read sees each row whole, never half updated.
 */
public final class RowIndex implements RowSource {
  static final int PAGE_SHIFT = 10;
  static final int PAGE_ROWS = 1 << PAGE_SHIFT;
  private static final int MASK = PAGE_ROWS - 1;

  /** Rows merged per hold of the write lock, so readers wait at most that long. */
  private static final int MERGE_STEP = 4096;

  /** Rows sampled to estimate the heap a row's object values take. */
  private static final int SAMPLE = 256;

  private final FeatureColumns columns;
  private final StampedLock lock = new StampedLock();
  private final KeyTable keys = new KeyTable();

  /** Per column, its position in a row's bits or objects. */
  private final int[] position;

  private final int bitWidth;
  private final int objectWidth;
  private final int nullWords;
  private long[][] events = new long[0][];
  private long[][] created = new long[0][];
  private long[][] sequences = new long[0][];
  private long[][] bits = new long[0][];
  private Object[][] objects = new Object[0][];
  private long[][] nulls = new long[0][];
  private long objectSampleBytes;
  private int objectSamples;

  RowIndex(FeatureColumns columns) {
    this.columns = columns;
    this.position = new int[columns.size()];
    int bitCount = 0;
    int objectCount = 0;
    for (int i = 0; i < columns.size(); i++) {
      position[i] = columns.kind(i) == FeatureColumns.OBJECT ? objectCount++ : bitCount++;
    }
    this.bitWidth = bitCount;
    this.objectWidth = objectCount;
    this.nullWords = (columns.size() + 63) >>> 6;
  }

  @Override
  public FeatureColumns columns() {
    return columns;
  }

  @Override
  public void lookup(ByteBuffer[] requested, StoredRow[] out) {
    long stamp = lock.readLock();
    try {
      for (int i = 0; i < requested.length; i++) {
        ByteBuffer key = requested[i];
        int slot;
        if (key.hasArray()) {
          slot = keys.find(key.array(), key.arrayOffset() + key.position(), key.remaining());
        } else {
          byte[] copy = new byte[key.remaining()];
          key.duplicate().get(copy);
          slot = keys.find(copy, 0, copy.length);
        }
        out[i] = slot < 0 ? null : row(slot);
      }
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /** The number of keys held. */
  public int size() {
    long stamp = lock.readLock();
    try {
      return keys.size();
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /**
   * The heap the index takes: its arrays as allocated (keys, timestamps, values, null flags, hash
   * table), plus object values (strings, bytes, lists) estimated from a sample of rows.
   */
  public long estimatedBytes() {
    long stamp = lock.readLock();
    try {
      long pages = events.length;
      long perPage =
          3 * (16 + 8L * PAGE_ROWS)
              + (bitWidth == 0 ? 0 : 16 + 8L * bitWidth * PAGE_ROWS)
              + (objectWidth == 0 ? 0 : 16 + 4L * objectWidth * PAGE_ROWS);
      long nullBytes = 0;
      for (long[] page : nulls) {
        nullBytes += page == null ? 0 : 16 + 8L * page.length;
      }
      long objectBytes = objectSamples == 0 ? 0 : objectSampleBytes / objectSamples * keys.size();
      return keys.bytes() + pages * (perPage + 6 * 8) + nullBytes + objectBytes;
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /** Keeps, per key, the newer of the held row and the batch's; see {@link StoredRow#replaces}. */
  void merge(ColumnBatch batch) {
    for (int from = 0; from < batch.size(); from += MERGE_STEP) {
      int to = Math.min(batch.size(), from + MERGE_STEP);
      long stamp = lock.writeLock();
      try {
        for (int row = from; row < to; row++) {
          if (batch.keys[row] != null) {
            mergeRow(batch, row);
          }
        }
      } finally {
        lock.unlockWrite(stamp);
      }
    }
  }

  /**
   * Removes the keys whose winning row is older than {@code cutoff}; returns how many. The scan
   * takes the write lock {@value #MERGE_STEP} slots at a time, as merges do, so that evicting from
   * a large index never stalls readers for the whole pass.
   */
  int evictOlderThan(Instant cutoff) {
    int evicted = 0;
    for (int from = 0; ; from += MERGE_STEP) {
      long stamp = lock.writeLock();
      try {
        int to = Math.min(keys.slots(), from + MERGE_STEP);
        if (from >= to) {
          return evicted;
        }
        for (int slot = from; slot < to; slot++) {
          if (keys.live(slot)
              && StoredRow.olderThan(events[slot >>> PAGE_SHIFT][slot & MASK], cutoff)) {
            keys.remove(slot);
            if (objectWidth > 0) {
              // Let the values go; the slot's bits are overwritten when it is reused.
              Arrays.fill(
                  objects[slot >>> PAGE_SHIFT],
                  (slot & MASK) * objectWidth,
                  (slot & MASK) * objectWidth + objectWidth,
                  null);
            }
            evicted++;
          }
        }
      } finally {
        lock.unlockWrite(stamp);
      }
    }
  }

  private void mergeRow(ColumnBatch batch, int row) {
    int found = keys.findOrInsert(batch.keys[row]);
    boolean added = found < 0;
    int slot = added ? -found - 1 : found;
    int page = slot >>> PAGE_SHIFT;
    if (page == events.length) {
      addPage();
    }
    int at = slot & MASK;
    long event = batch.events[row];
    long createdAt = batch.created[row];
    if (!added
        && !StoredRow.replaces(
            event,
            createdAt,
            batch.sequence,
            events[page][at],
            created[page][at],
            sequences[page][at])) {
      return;
    }
    events[page][at] = event;
    created[page][at] = createdAt;
    sequences[page][at] = batch.sequence;
    int nullBase = at * nullWords;
    if (nulls[page] != null) {
      Arrays.fill(nulls[page], nullBase, nullBase + nullWords, 0L);
    }
    long[] bitPage = bitWidth == 0 ? null : bits[page];
    Object[] objectPage = objectWidth == 0 ? null : objects[page];
    boolean sampling = objectWidth > 0 && objectSamples < SAMPLE;
    for (int i = 0; i < position.length; i++) {
      if (batch.isNull(i, row)) {
        if (nulls[page] == null) {
          nulls[page] = new long[PAGE_ROWS * nullWords];
        }
        nulls[page][nullBase + (i >>> 6)] |= 1L << i;
        if (objectPage != null && batch.objects[i] != null) {
          objectPage[at * objectWidth + position[i]] = null;
        }
      } else if (batch.bits[i] != null) {
        bitPage[at * bitWidth + position[i]] = batch.bits[i][row];
      } else {
        Object value = batch.objects[i][row];
        objectPage[at * objectWidth + position[i]] = value;
        if (sampling) {
          objectSampleBytes += ValueHeap.of(value);
        }
      }
    }
    if (sampling) {
      objectSamples++;
    }
  }

  private void addPage() {
    int page = events.length;
    events = Arrays.copyOf(events, page + 1);
    created = Arrays.copyOf(created, page + 1);
    sequences = Arrays.copyOf(sequences, page + 1);
    bits = Arrays.copyOf(bits, page + 1);
    objects = Arrays.copyOf(objects, page + 1);
    nulls = Arrays.copyOf(nulls, page + 1);
    events[page] = new long[PAGE_ROWS];
    created[page] = new long[PAGE_ROWS];
    sequences[page] = new long[PAGE_ROWS];
    if (bitWidth > 0) {
      bits[page] = new long[PAGE_ROWS * bitWidth];
    }
    if (objectWidth > 0) {
      objects[page] = new Object[PAGE_ROWS * objectWidth];
    }
  }

  /** A copy of the row in a slot, for a reader to use after the lock is released. */
  private StoredRow row(int slot) {
    int page = slot >>> PAGE_SHIFT;
    int at = slot & MASK;
    int width = position.length;
    long[] rowBits = bitWidth == 0 ? null : new long[width];
    Object[] rowObjects = objectWidth == 0 ? null : new Object[width];
    for (int i = 0; i < width; i++) {
      if (columns.kind(i) == FeatureColumns.OBJECT) {
        rowObjects[i] = objects[page][at * objectWidth + position[i]];
      } else {
        rowBits[i] = bits[page][at * bitWidth + position[i]];
      }
    }
    long[] rowNulls = null;
    if (nulls[page] != null) {
      int base = at * nullWords;
      for (int w = 0; w < nullWords; w++) {
        if (nulls[page][base + w] != 0) {
          rowNulls = Arrays.copyOfRange(nulls[page], base, base + nullWords);
          break;
        }
      }
    }
    return new StoredRow(
        columns,
        events[page][at],
        created[page][at],
        rowBits,
        rowObjects,
        rowNulls,
        sequences[page][at]);
  }
}
