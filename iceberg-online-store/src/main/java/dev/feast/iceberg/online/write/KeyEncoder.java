package dev.feast.iceberg.online.write;

import dev.feast.iceberg.spi.ColumnBatch;
import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.online.BatchColumns;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Serializes the entity key of a batch row as {@link EntityKey#serialize()} does (Feast's version
 * 3) straight from the join key columns: the part naming the join keys is computed once, then each
 * row adds its values' bytes, with no {@code EntityKey} per row.
 */
final class KeyEncoder {
  private final byte[] header;
  private final int[] columns;
  private final ValueType[] types;

  KeyEncoder(BatchColumns batch, List<ValueType> columnTypes) {
    // EntityKey holds its join keys sorted by name.
    List<Integer> order =
        new ArrayList<>(IntStream.range(0, batch.joinKeys().size()).boxed().toList());
    order.sort(Comparator.comparing(batch.joinKeys()::get));
    this.columns = new int[order.size()];
    this.types = new ValueType[order.size()];
    List<byte[]> names = new ArrayList<>();
    int size = 4;
    for (int i = 0; i < columns.length; i++) {
      columns[i] = batch.keyColumns()[order.get(i)];
      types[i] = columnTypes.get(columns[i]);
      byte[] name = batch.joinKeys().get(order.get(i)).getBytes(StandardCharsets.UTF_8);
      names.add(name);
      size += 8 + name.length;
    }
    ByteBuffer out = little(size).putInt(columns.length);
    for (byte[] name : names) {
      out.putInt(ValueType.STRING.protoNumber()).putInt(name.length).put(name);
    }
    this.header = out.array();
  }

  /** The serialized key of a row without null join keys. */
  byte[] encode(ColumnBatch batch, int row) {
    if (columns.length == 1 && types[0] == ValueType.INT64) {
      // The common case: one int64 join key.
      return little(header.length + 16)
          .put(header)
          .putInt(ValueType.INT64.protoNumber())
          .putInt(8)
          .putLong(batch.getLong(columns[0], row))
          .array();
    }
    byte[][] values = new byte[columns.length][];
    int[] numbers = new int[columns.length];
    int size = header.length;
    for (int i = 0; i < columns.length; i++) {
      if (types[i] == ValueType.INT64) {
        numbers[i] = ValueType.INT64.protoNumber();
        values[i] = little(8).putLong(batch.getLong(columns[i], row)).array();
      } else if (types[i] == ValueType.INT32) {
        numbers[i] = ValueType.INT32.protoNumber();
        values[i] = little(4).putInt(batch.getInt(columns[i], row)).array();
      } else {
        Object value = batch.get(columns[i], row);
        if (value instanceof byte[] bytes) {
          value = ByteBuffer.wrap(bytes);
        }
        numbers[i] = EntityKey.typeOf(value).protoNumber();
        values[i] = otherBytes(value);
      }
      size += 8 + values[i].length;
    }
    ByteBuffer out = little(size).put(header);
    for (int i = 0; i < columns.length; i++) {
      out.putInt(numbers[i]).putInt(values[i].length).put(values[i]);
    }
    return out.array();
  }

  /** A string's or byte buffer's bytes; anything else is refused as EntityKey refuses it. */
  private static byte[] otherBytes(Object value) {
    if (value instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    } else if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return bytes;
    }
    EntityKey.of("join_key", value);
    throw new IllegalArgumentException("Join key value " + value + " cannot be serialized");
  }

  private static ByteBuffer little(int size) {
    return ByteBuffer.allocate(size).order(java.nio.ByteOrder.LITTLE_ENDIAN);
  }
}
