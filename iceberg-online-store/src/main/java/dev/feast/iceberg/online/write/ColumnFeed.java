package dev.feast.iceberg.online.write;

import dev.feast.iceberg.common.Micros;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.iceberg.DoubleFieldMetrics;
import org.apache.iceberg.FieldMetrics;
import org.apache.iceberg.FloatFieldMetrics;
import org.apache.iceberg.parquet.ParquetValueWriters;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.io.api.Binary;

/**
 * Feeds one column of an online table from {@link WriteRows} into its Parquet column writer (the
 * protected {@code column} of Iceberg's primitive writer): a primitive read and written as a
 * primitive. Float and double columns keep Iceberg's NaN-aware bounds, as its own writers do.
 */
abstract class ColumnFeed extends ParquetValueWriters.PrimitiveWriter<Object> {
  /** The position of the first feature among the table's columns. */
  private static final int FIRST_FEATURE = 3;

  ColumnFeed(ColumnDescriptor descriptor) {
    super(descriptor);
  }

  /** Writes this column's value of {@code row}. */
  abstract void feed(WriteRows rows, int row);

  Stream<FieldMetrics<?>> fieldMetrics() {
    return Stream.empty();
  }

  static ColumnFeed of(int position, Types.NestedField field, ColumnDescriptor leaf) {
    return switch (position) {
      case 0 ->
          new ColumnFeed(leaf) {
            @Override
            void feed(WriteRows rows, int row) {
              column.writeBinary(0, Binary.fromConstantByteBuffer(rows.key(row)));
            }
          };
      case 1 ->
          new ColumnFeed(leaf) {
            @Override
            void feed(WriteRows rows, int row) {
              column.writeLong(0, rows.eventMicros(row));
            }
          };
      case 2 ->
          new ColumnFeed(leaf) {
            @Override
            void feed(WriteRows rows, int row) {
              if (rows.hasCreated(row)) {
                column.writeLong(0, rows.createdMicros(row));
              } else {
                column.writeNull(0, 0);
              }
            }
          };
      default -> feature(position - FIRST_FEATURE, field, leaf);
    };
  }

  private static ColumnFeed feature(int feature, Types.NestedField field, ColumnDescriptor leaf) {
    Type type = field.type();
    return switch (type.typeId()) {
      case LONG, TIMESTAMP ->
          new Feature(leaf, feature) {
            @Override
            void value(WriteRows rows, int row) {
              column.writeLong(0, rows.longValue(feature, row));
            }
          };
      case INTEGER ->
          new Feature(leaf, feature) {
            @Override
            void value(WriteRows rows, int row) {
              column.writeInteger(0, rows.intValue(feature, row));
            }
          };
      case BOOLEAN ->
          new Feature(leaf, feature) {
            @Override
            void value(WriteRows rows, int row) {
              column.writeBoolean(0, rows.booleanValue(feature, row));
            }
          };
      case DOUBLE -> new DoubleFeature(leaf, feature, field.fieldId());
      case FLOAT -> new FloatFeature(leaf, feature, field.fieldId());
      case STRING, BINARY, FIXED ->
          new Feature(leaf, feature) {
            @Override
            void value(WriteRows rows, int row) {
              column.writeBinary(0, binary(rows.value(feature, row)));
            }
          };
      case LIST -> new ListFeature(leaf, feature, type.asListType().elementType());
      default ->
          throw new IllegalStateException(
              "Online table column " + field + " has a type the online store does not write");
    };
  }

  static Binary binary(Object value) {
    if (value instanceof CharSequence text) {
      return Binary.fromString(text.toString());
    } else if (value instanceof byte[] bytes) {
      return Binary.fromConstantByteArray(bytes);
    }
    return Binary.fromConstantByteBuffer((ByteBuffer) value);
  }

  /** A nullable feature column: null, or a value. */
  private abstract static class Feature extends ColumnFeed {
    final int feature;

    Feature(ColumnDescriptor leaf, int feature) {
      super(leaf);
      this.feature = feature;
    }

    @Override
    final void feed(WriteRows rows, int row) {
      if (rows.isNull(feature, row)) {
        column.writeNull(0, 0);
      } else {
        value(rows, row);
      }
    }

    abstract void value(WriteRows rows, int row);
  }

  private static final class DoubleFeature extends Feature {
    private final DoubleFieldMetrics.Builder metrics;

    DoubleFeature(ColumnDescriptor leaf, int feature, int fieldId) {
      super(leaf, feature);
      this.metrics = new DoubleFieldMetrics.Builder(fieldId);
    }

    @Override
    void value(WriteRows rows, int row) {
      double value = rows.doubleValue(feature, row);
      metrics.addValue(value);
      column.writeDouble(0, value);
    }

    @Override
    Stream<FieldMetrics<?>> fieldMetrics() {
      return Stream.of(metrics.build());
    }
  }

  private static final class FloatFeature extends Feature {
    private final FloatFieldMetrics.Builder metrics;

    FloatFeature(ColumnDescriptor leaf, int feature, int fieldId) {
      super(leaf, feature);
      this.metrics = new FloatFieldMetrics.Builder(fieldId);
    }

    @Override
    void value(WriteRows rows, int row) {
      float value = rows.floatValue(feature, row);
      metrics.addValue(value);
      column.writeFloat(0, value);
    }

    @Override
    Stream<FieldMetrics<?>> fieldMetrics() {
      return Stream.of(metrics.build());
    }
  }

  /**
   * A list of primitives in Parquet's three-level layout: a null list at definition level 0, an
   * empty one at 1, a null element one below the element's maximum.
   */
  private static final class ListFeature extends ColumnFeed {
    private final int feature;
    private final Type element;
    private final int nullElement;

    ListFeature(ColumnDescriptor leaf, int feature, Type element) {
      super(leaf);
      this.feature = feature;
      this.element = element;
      this.nullElement = leaf.getMaxDefinitionLevel() - 1;
    }

    @Override
    void feed(WriteRows rows, int row) {
      if (rows.isNull(feature, row)) {
        column.writeNull(0, 0);
        return;
      }
      List<?> list = (List<?>) rows.value(feature, row);
      if (list.isEmpty()) {
        column.writeNull(0, 1);
        return;
      }
      for (int i = 0; i < list.size(); i++) {
        int repetition = i == 0 ? 0 : 1;
        Object item = list.get(i);
        if (item == null) {
          column.writeNull(repetition, nullElement);
        } else {
          writeItem(repetition, item);
        }
      }
    }

    private void writeItem(int repetition, Object item) {
      switch (element.typeId()) {
        case LONG -> column.writeLong(repetition, ((Number) item).longValue());
        case TIMESTAMP -> column.writeLong(repetition, Micros.of((Instant) item));
        case INTEGER -> column.writeInteger(repetition, ((Number) item).intValue());
        case DOUBLE -> column.writeDouble(repetition, ((Number) item).doubleValue());
        case FLOAT -> column.writeFloat(repetition, ((Number) item).floatValue());
        case BOOLEAN -> column.writeBoolean(repetition, (Boolean) item);
        default -> column.writeBinary(repetition, binary(item));
      }
    }
  }
}
