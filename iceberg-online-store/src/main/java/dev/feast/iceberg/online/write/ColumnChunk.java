package dev.feast.iceberg.online.write;

import dev.feast.iceberg.spi.ColumnBatch;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.InvalidEntityRowsException;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.online.BatchColumns;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * Rows of column batches gathered for one round of data files: keys, timestamps and feature values
 * in primitive arrays aligned with the table's feature columns (a column the batches lack is null).
 * Its capacity bounds the memory a bulk write holds; {@link #winners()} sorts it by key.
 */
public final class ColumnChunk implements WriteRows {
  private static final int FIRST_FEATURE = 3;
  private final byte[][] keys;
  private final long[] events;
  private final long[] created;
  private final boolean[] hasCreated;
  private final ChunkColumn[] columns;

  /** Per table feature column, its column in the batches, or -1. */
  private final int[] sources;

  private final BatchColumns batchColumns;
  private final KeyEncoder keyEncoder;
  private int size;
  // Heap held by the rows' keys and wide values (strings, bytes, lists), which the capacity in
  // rows cannot foresee: a chunk is full at its share of the heap, whichever comes first.
  private long heldBytes;
  private final long byteBudget = heapShare();

  /**
   * An empty chunk of up to {@code capacity} rows of batches with {@code columns} for {@code view},
   * written with {@code schema}.
   */
  public ColumnChunk(Schema schema, FeatureView view, List<Field> columns, int capacity) {
    this.batchColumns = BatchColumns.of(view, columns);
    List<ValueType> types = columns.stream().map(Field::type).toList();
    this.keyEncoder = new KeyEncoder(batchColumns, types);
    List<Types.NestedField> fields = schema.columns();
    this.columns = new ChunkColumn[fields.size() - FIRST_FEATURE];
    this.sources = new int[this.columns.length];
    for (int i = 0; i < this.columns.length; i++) {
      Types.NestedField field = fields.get(FIRST_FEATURE + i);
      this.columns[i] = ChunkColumn.of(field.type(), capacity);
      sources[i] = source(view, field.name());
    }
    this.keys = new byte[capacity][];
    this.events = new long[capacity];
    this.created = new long[capacity];
    this.hasCreated = new boolean[capacity];
  }

  /** The rows a chunk of {@code width} feature columns holds within a share of the heap. */
  public static int capacityFor(int width) {
    long budget = heapShare();
    long perRow = 64L + 9L * width;
    return (int) Math.max(10_000, Math.min(1 << 20, budget / perRow));
  }

  private static long heapShare() {
    return Runtime.getRuntime().maxMemory() / 8;
  }

  private int source(FeatureView view, String column) {
    for (int i = 0; i < view.features().size(); i++) {
      if (view.features().get(i).name().equals(column)) {
        return batchColumns.featureColumns()[i];
      }
    }
    return -1;
  }

  /**
   * Copies rows of {@code batch} from {@code from} until the chunk is full, leaving out rows with a
   * null join key; returns the first row not taken (the batch's row count when all were).
   */
  public int append(ColumnBatch batch, int from) {
    int row = from;
    int rows = batch.rowCount();
    int eventColumn = batchColumns.eventColumn();
    int createdColumn = batchColumns.createdColumn();
    for (; row < rows && !full(); row++) {
      if (batchColumns.nullKey(batch, row)) {
        continue;
      }
      if (batch.isNull(eventColumn, row)) {
        throw new InvalidEntityRowsException(
            "A row of the batches to write has no event timestamp");
      }
      int to = size++;
      keys[to] = keyEncoder.encode(batch, row);
      heldBytes += 16 + keys[to].length;
      events[to] = batch.getLong(eventColumn, row);
      hasCreated[to] = createdColumn >= 0 && !batch.isNull(createdColumn, row);
      created[to] = hasCreated[to] ? batch.getLong(createdColumn, row) : 0;
      for (int i = 0; i < columns.length; i++) {
        heldBytes += columns[i].copy(batch, sources[i], row, to);
      }
    }
    return row;
  }

  /** Whether no more rows fit. */
  public boolean full() {
    return size == keys.length || heldBytes >= byteBudget;
  }

  /** Forgets the rows, to gather the next round. */
  public void clear() {
    size = 0;
    heldBytes = 0;
  }

  /**
   * The positions of the rows to write, sorted by key, one per key: the greatest (event, created)
   * wins, on a full tie the row given later.
   */
  public int[] winners() {
    int[] order = new int[size];
    Arrays.setAll(order, i -> i);
    IntSort.sort(order, this::compare);
    int kept = 0;
    for (int i = 0; i < order.length; i++) {
      boolean lastOfKey =
          i + 1 == order.length || !Arrays.equals(keys[order[i]], keys[order[i + 1]]);
      if (lastOfKey) {
        order[kept++] = order[i];
      }
    }
    return Arrays.copyOf(order, kept);
  }

  private int compare(int a, int b) {
    int byKey = Arrays.compareUnsigned(keys[a], keys[b]);
    if (byKey != 0) {
      return byKey;
    }
    int byEvent = Long.compare(events[a], events[b]);
    if (byEvent != 0) {
      return byEvent;
    }
    if (hasCreated[a] != hasCreated[b]) {
      return hasCreated[a] ? 1 : -1;
    }
    int byCreated = Long.compare(created[a], created[b]);
    return byCreated != 0 ? byCreated : Integer.compare(a, b);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public ByteBuffer key(int row) {
    return ByteBuffer.wrap(keys[row]);
  }

  @Override
  public long eventMicros(int row) {
    return events[row];
  }

  @Override
  public boolean hasCreated(int row) {
    return hasCreated[row];
  }

  @Override
  public long createdMicros(int row) {
    return created[row];
  }

  @Override
  public boolean isNull(int column, int row) {
    return columns[column].nulls[row];
  }

  @Override
  public long longValue(int column, int row) {
    return columns[column].longValue(row);
  }

  @Override
  public int intValue(int column, int row) {
    return columns[column].intValue(row);
  }

  @Override
  public double doubleValue(int column, int row) {
    return columns[column].doubleValue(row);
  }

  @Override
  public float floatValue(int column, int row) {
    return columns[column].floatValue(row);
  }

  @Override
  public boolean booleanValue(int column, int row) {
    return columns[column].booleanValue(row);
  }

  @Override
  public Object value(int column, int row) {
    return columns[column].value(row);
  }
}
