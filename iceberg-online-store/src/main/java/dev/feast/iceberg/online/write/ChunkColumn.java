package dev.feast.iceberg.online.write;

import dev.feast.iceberg.spi.ColumnBatch;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.iceberg.types.Type;

/**
 * One feature column of a {@link ColumnChunk}: the values of many batches copied into one
 * primitive array (an object array only for strings, bytes and lists), with their nulls.
 */
abstract class ChunkColumn {
  final boolean[] nulls;

  ChunkColumn(int capacity) {
    this.nulls = new boolean[capacity];
  }

  /** Copies a batch value ({@code source} column, -1: the batches lack it) into row {@code to}. */
  final void copy(ColumnBatch batch, int source, int row, int to) {
    if (source < 0 || batch.isNull(source, row)) {
      nulls[to] = true;
    } else {
      nulls[to] = false;
      set(batch, source, row, to);
    }
  }

  abstract void set(ColumnBatch batch, int source, int row, int to);

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
      case LONG, TIMESTAMP -> new ChunkColumn(capacity) {
        private final long[] values = new long[capacity];

        @Override
        void set(ColumnBatch batch, int source, int row, int to) {
          values[to] = batch.getLong(source, row);
        }

        @Override
        long longValue(int row) {
          return values[row];
        }
      };
      case DOUBLE -> new ChunkColumn(capacity) {
        private final double[] values = new double[capacity];

        @Override
        void set(ColumnBatch batch, int source, int row, int to) {
          values[to] = batch.getDouble(source, row);
        }

        @Override
        double doubleValue(int row) {
          return values[row];
        }
      };
      case INTEGER -> new ChunkColumn(capacity) {
        private final int[] values = new int[capacity];

        @Override
        void set(ColumnBatch batch, int source, int row, int to) {
          values[to] = batch.getInt(source, row);
        }

        @Override
        int intValue(int row) {
          return values[row];
        }
      };
      case FLOAT -> new ChunkColumn(capacity) {
        private final float[] values = new float[capacity];

        @Override
        void set(ColumnBatch batch, int source, int row, int to) {
          values[to] = batch.getFloat(source, row);
        }

        @Override
        float floatValue(int row) {
          return values[row];
        }
      };
      case BOOLEAN -> new ChunkColumn(capacity) {
        private final boolean[] values = new boolean[capacity];

        @Override
        void set(ColumnBatch batch, int source, int row, int to) {
          values[to] = batch.getBoolean(source, row);
        }

        @Override
        boolean booleanValue(int row) {
          return values[row];
        }
      };
      default -> new ChunkColumn(capacity) {
        private final Object[] values = new Object[capacity];

        @Override
        void set(ColumnBatch batch, int source, int row, int to) {
          values[to] = detach(batch.get(source, row));
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
