package dev.feast.iceberg.spark.offline;

import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.RowStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Result rows as Arrow batches, in the types the DuckDB store gives ({@code Timestamp(MICROSECOND,
 * "UTC")}, float32 as float32, lists as lists), filled from the row stream one batch at a time.
 */
final class RowArrowReader extends ArrowReader {
  private final RowStream rows;
  private final List<Field> columns;
  private final int batchRows;

  RowArrowReader(BufferAllocator allocator, RowStream rows, int batchRows) {
    super(allocator);
    this.rows = rows;
    this.columns = rows.columns();
    this.batchRows = batchRows;
  }

  @Override
  protected Schema readSchema() {
    List<org.apache.arrow.vector.types.pojo.Field> fields = new ArrayList<>();
    for (Field column : columns) {
      fields.add(arrowField(column.name(), column.type()));
    }
    return new Schema(fields);
  }

  private static org.apache.arrow.vector.types.pojo.Field arrowField(String name, ValueType type) {
    if (type.isList()) {
      return new org.apache.arrow.vector.types.pojo.Field(
          name,
          FieldType.nullable(ArrowType.List.INSTANCE),
          List.of(arrowField("element", type.elementType())));
    }
    ArrowType arrow =
        switch (type) {
          case BYTES -> ArrowType.Binary.INSTANCE;
          case STRING -> ArrowType.Utf8.INSTANCE;
          case INT32 -> new ArrowType.Int(32, true);
          case INT64 -> new ArrowType.Int(64, true);
          case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
          case FLOAT -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
          case BOOL -> ArrowType.Bool.INSTANCE;
          default -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
        };
    return new org.apache.arrow.vector.types.pojo.Field(name, FieldType.nullable(arrow), null);
  }

  @Override
  public boolean loadNextBatch() throws java.io.IOException {
    prepareLoadNextBatch();
    var root = getVectorSchemaRoot();
    int count = 0;
    while (count < batchRows && rows.hasNext()) {
      List<Object> row = rows.next();
      for (int c = 0; c < columns.size(); c++) {
        set(root.getVector(c), count, row.get(c), columns.get(c).type());
      }
      count++;
    }
    root.setRowCount(count);
    return count > 0;
  }

  private static void set(FieldVector vector, int index, Object value, ValueType type) {
    if (value == null) {
      if (vector instanceof ListVector list) {
        list.setNull(index);
      } else {
        vector.setNull(index);
      }
      return;
    }
    if (type.isList()) {
      ListVector list = (ListVector) vector;
      List<?> elements = (List<?>) value;
      int offset = list.startNewValue(index);
      for (int k = 0; k < elements.size(); k++) {
        set(list.getDataVector(), offset + k, elements.get(k), type.elementType());
      }
      list.endValue(index, elements.size());
      return;
    }
    switch (type) {
      case BYTES -> {
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        ((VarBinaryVector) vector).setSafe(index, bytes);
      }
      case STRING ->
          ((VarCharVector) vector)
              .setSafe(index, ((String) value).getBytes(StandardCharsets.UTF_8));
      case INT32 -> ((IntVector) vector).setSafe(index, (Integer) value);
      case INT64 -> ((BigIntVector) vector).setSafe(index, (Long) value);
      case DOUBLE -> ((Float8Vector) vector).setSafe(index, (Double) value);
      case FLOAT -> ((Float4Vector) vector).setSafe(index, (Float) value);
      case BOOL -> ((BitVector) vector).setSafe(index, (Boolean) value ? 1 : 0);
      default -> {
        Instant t = (Instant) value;
        ((TimeStampMicroTZVector) vector)
            .setSafe(index, t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000);
      }
    }
  }

  @Override
  public long bytesRead() {
    return 0;
  }

  @Override
  protected void closeReadSource() {
    rows.close();
  }
}
