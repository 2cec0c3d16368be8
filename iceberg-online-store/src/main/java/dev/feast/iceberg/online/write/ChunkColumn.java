package dev.feast.iceberg.online.write;

import dev.feast.iceberg.spi.ColumnBatch;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.iceberg.types.Type;

/**
 * One feature column of a {@link ColumnChunk}: the values of many batches copied into one primitive
 * array (an object array only for strings, bytes and lists), with their nulls.
 */
abstract class ChunkColumn {
  final boolean[] nulls;

  ChunkColumn(int capacity) {
    this.nulls = new boolean[capacity];
  }

  /**
   * Copies a batch value ({@code source} column, -1: the batches lack it) into row {@code to};
   * returns the heap the copy holds beyond the column's arrays (strings, bytes, lists), so that a
   * chunk of wide values stays within its share of the heap.
   */
  final long copy(ColumnBatch batch, int source, int row, int to) {
    if (source < 0 || batch.isNull(source, row)) {
      nulls[to] = true;
      return 0;
    }
    nulls[to] = false;
    return set(batch, source, row, to);
  }

  /** Sets row {@code to}; returns the heap the value holds outside the column's arrays. */
  abstract long set(ColumnBatch batch, int source, int row, int to);

  long longValue(int row) {
    throw new IllegalStateException("Not a long column");
  }

  int intValue(int row) {
    throw new IllegalStateException("Not an int column");
  }

  double doubleValue(int row) {
    throw new IllegalStateException("Not a double column");
  }

  float floatValue(int row) {
    throw new IllegalStateException("Not a float column");
  }

  boolean booleanValue(int row) {
    throw new IllegalStateException("Not a boolean column");
  }

  Object value(int row) {
    throw new IllegalStateException("Not an object column");
  }

  /** A column for values of an online table column of {@code type}. */
  static ChunkColumn of(Type type, int capacity) {
    return switch (type.typeId()) {
      case LONG, TIMESTAMP ->
          new ChunkColumn(capacity) {
            private final long[] values = new long[capacity];

            @Override
            long set(ColumnBatch batch, int source, int row, int to) {
              values[to] = batch.getLong(source, row);
              return 0;
            }

            @Override
            long longValue(int row) {
              return values[row];
            }
          };
      case DOUBLE ->
          new ChunkColumn(capacity) {
            private final double[] values = new double[capacity];

            @Override
            long set(ColumnBatch batch, int source, int row, int to) {
              values[to] = batch.getDouble(source, row);
              return 0;
            }

            @Override
            double doubleValue(int row) {
              return values[row];
            }
          };
      case INTEGER ->
          new ChunkColumn(capacity) {
            private final int[] values = new int[capacity];

            @Override
            long set(ColumnBatch batch, int source, int row, int to) {
              values[to] = batch.getInt(source, row);
              return 0;
            }

            @Override
            int intValue(int row) {
              return values[row];
            }
          };
      case FLOAT ->
          new ChunkColumn(capacity) {
            private final float[] values = new float[capacity];

            @Override
            long set(ColumnBatch batch, int source, int row, int to) {
              values[to] = batch.getFloat(source, row);
              return 0;
            }

            @Override
            float floatValue(int row) {
              return values[row];
            }
          };
      case BOOLEAN ->
          new ChunkColumn(capacity) {
            private final boolean[] values = new boolean[capacity];

            @Override
            long set(ColumnBatch batch, int source, int row, int to) {
              values[to] = batch.getBoolean(source, row);
              return 0;
            }

            @Override
            boolean booleanValue(int row) {
              return values[row];
            }
          };
      default ->
          new ChunkColumn(capacity) {
            private final Object[] values = new Object[capacity];

            @Override
            long set(ColumnBatch batch, int source, int row, int to) {
              Object value = detach(batch.get(source, row));
              values[to] = value;
              return ValueHeap.of(value);
            }

            @Override
            Object value(int row) {
              return values[row];
            }
          };
    };
  }

  /** A private copy of bytes the batch's owner may reuse. */
  private static Object detach(Object value) {
    if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return ByteBuffer.wrap(bytes);
    } else if (value instanceof byte[] bytes) {
      return Arrays.copyOf(bytes, bytes.length);
    }
    return value;
  }
}
