package dev.feast.iceberg.offline.output;

import dev.feast.iceberg.spi.ColumnBatch;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.ValueType;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * One Arrow batch of DuckDB's result as a {@link ColumnBatch}: numbers read straight from the
 * vectors; timestamps as microseconds whatever unit DuckDB exported.
 */
final class ArrowBatch implements ColumnBatch {
  private final List<Field> columns;
  private final FieldVector[] vectors;

  /** Per column, microseconds per unit of its timestamps (0: not a timestamp column). */
  private final long[] microsPerUnit;

  private final int rows;

  ArrowBatch(List<Field> columns, VectorSchemaRoot root) {
    this.columns = columns;
    this.vectors = root.getFieldVectors().toArray(FieldVector[]::new);
    this.rows = root.getRowCount();
    if (vectors.length != columns.size()) {
      throw new IllegalStateException(
          "DuckDB returned " + vectors.length + " columns for " + columns.size() + ": " + columns);
    }
    this.microsPerUnit = new long[vectors.length];
    for (int i = 0; i < vectors.length; i++) {
      if (vectors[i] instanceof TimeStampVector times) {
        microsPerUnit[i] = microsPerUnit(times);
      }
    }
  }

  @Override
  public List<Field> columns() {
    return columns;
  }

  @Override
  public int rowCount() {
    return rows;
  }

  @Override
  public boolean isNull(int column, int row) {
    return vectors[column].isNull(row);
  }

  @Override
  public long getLong(int column, int row) {
    FieldVector vector = vectors[column];
    if (vector instanceof BigIntVector longs) {
      return longs.get(row);
    } else if (vector instanceof TimeStampVector times) {
      long value = times.get(row);
      long perUnit = microsPerUnit[column];
      return perUnit > 0 ? value * perUnit : Math.floorDiv(value, 1_000L);
    }
    return otherMicrosOrLong(vector, row);
  }

  @Override
  public int getInt(int column, int row) {
    FieldVector vector = vectors[column];
    return vector instanceof IntVector ints
        ? ints.get(row)
        : ((Number) vector.getObject(row)).intValue();
  }

  @Override
  public double getDouble(int column, int row) {
    FieldVector vector = vectors[column];
    return vector instanceof Float8Vector doubles
        ? doubles.get(row)
        : ((Number) vector.getObject(row)).doubleValue();
  }

  @Override
  public float getFloat(int column, int row) {
    FieldVector vector = vectors[column];
    return vector instanceof Float4Vector floats
        ? floats.get(row)
        : ((Number) vector.getObject(row)).floatValue();
  }

  @Override
  public boolean getBoolean(int column, int row) {
    FieldVector vector = vectors[column];
    return vector instanceof BitVector bits ? bits.get(row) != 0 : (Boolean) vector.getObject(row);
  }

  @Override
  public Object get(int column, int row) {
    return value(vectors[column], columns.get(column).type(), row);
  }

  private static Object value(FieldVector vector, ValueType type, int row) {
    if (vector.isNull(row)) {
      return null;
    }
    if (type.isList()) {
      ListVector list = (ListVector) vector;
      FieldVector elements = list.getDataVector();
      int from = list.getElementStartIndex(row);
      int to = list.getElementEndIndex(row);
      List<Object> values = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        values.add(value(elements, type.elementType(), i));
      }
      return values;
    }
    Object raw = vector.getObject(row);
    return switch (type) {
      case STRING -> raw.toString();
      case BYTES -> ByteBuffer.wrap((byte[]) raw);
      case INT64 -> ((Number) raw).longValue();
      case INT32 -> ((Number) raw).intValue();
      case DOUBLE -> ((Number) raw).doubleValue();
      case FLOAT -> ((Number) raw).floatValue();
      case UNIX_TIMESTAMP ->
          Instant.EPOCH.plus(
              vector instanceof TimeStampVector times
                  ? micros(times, times.get(row))
                  : otherMicrosOrLong(vector, row),
              ChronoUnit.MICROS);
      default -> raw;
    };
  }

  /** A date as microseconds since the epoch (its midnight, UTC), or any other number as is. */
  private static long otherMicrosOrLong(FieldVector vector, int row) {
    if (vector instanceof DateDayVector days) {
      return days.get(row) * 86_400_000_000L;
    } else if (vector instanceof DateMilliVector millis) {
      return millis.get(row) * 1_000L;
    }
    return ((Number) vector.getObject(row)).longValue();
  }

  private static long micros(TimeStampVector vector, long value) {
    long perUnit = microsPerUnit(vector);
    return perUnit > 0 ? value * perUnit : Math.floorDiv(value, 1_000L);
  }

  /** Microseconds per unit of a timestamp vector; 0 for nanoseconds (divided instead). */
  private static long microsPerUnit(TimeStampVector vector) {
    TimeUnit unit = ((ArrowType.Timestamp) vector.getField().getType()).getUnit();
    return switch (unit) {
      case SECOND -> 1_000_000L;
      case MILLISECOND -> 1_000L;
      case MICROSECOND -> 1L;
      case NANOSECOND -> 0L;
    };
  }
}
