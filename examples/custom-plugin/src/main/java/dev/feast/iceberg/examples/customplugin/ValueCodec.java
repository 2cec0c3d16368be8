package dev.feast.iceberg.examples.customplugin;

import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.ValueType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Feature values as SQLite blobs, decoded with the feature's declared type, so a float comes back a
 * float: fixed-width little-endian numbers, UTF-8 strings, timestamps as epoch microseconds, lists
 * as a count followed by length-prefixed elements. SQL NULL is a null value; an empty list is a
 * zero count.
 */
final class ValueCodec {
  private ValueCodec() {}

  static byte[] encode(Object value, ValueType type, String feature) {
    if (value == null) {
      return null;
    }
    if (type.isList()) {
      if (!(value instanceof List<?> list)) {
        throw wrong(value, type, feature);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(le(4).putInt(list.size()).array());
      for (Object element : list) {
        byte[] bytes = encode(element, type.elementType(), feature);
        out.writeBytes(le(4).putInt(bytes == null ? -1 : bytes.length).array());
        if (bytes != null) {
          out.writeBytes(bytes);
        }
      }
      return out.toByteArray();
    }
    if (!type.javaClass().isInstance(value)) {
      throw wrong(value, type, feature);
    }
    switch (type) {
      case BYTES:
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
      case STRING:
        return ((String) value).getBytes(StandardCharsets.UTF_8);
      case INT32:
        return le(4).putInt((Integer) value).array();
      case INT64:
        return le(8).putLong((Long) value).array();
      case DOUBLE:
        return le(8).putDouble((Double) value).array();
      case FLOAT:
        return le(4).putFloat((Float) value).array();
      case BOOL:
        return new byte[] {(byte) ((Boolean) value ? 1 : 0)};
      default:
        return le(8).putLong(ChronoUnit.MICROS.between(Instant.EPOCH, (Instant) value)).array();
    }
  }

  static Object decode(byte[] bytes, ValueType type) {
    if (bytes == null) {
      return null;
    }
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (type.isList()) {
      int count = in.getInt();
      List<Object> list = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int length = in.getInt();
        if (length < 0) {
          list.add(null);
        } else {
          byte[] element = new byte[length];
          in.get(element);
          list.add(decode(element, type.elementType()));
        }
      }
      return Collections.unmodifiableList(list);
    }
    switch (type) {
      case BYTES:
        return ByteBuffer.wrap(bytes);
      case STRING:
        return new String(bytes, StandardCharsets.UTF_8);
      case INT32:
        return in.getInt();
      case INT64:
        return in.getLong();
      case DOUBLE:
        return in.getDouble();
      case FLOAT:
        return in.getFloat();
      case BOOL:
        return bytes[0] != 0;
      default:
        return Instant.EPOCH.plus(in.getLong(), ChronoUnit.MICROS);
    }
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static SchemaMismatchException wrong(Object value, ValueType type, String feature) {
    return new SchemaMismatchException(
        "Feature '"
            + feature
            + "' is "
            + type.feastName()
            + " but was given "
            + value
            + " ("
            + value.getClass().getName()
            + "); give it a "
            + type.javaClass().getName());
  }
}
