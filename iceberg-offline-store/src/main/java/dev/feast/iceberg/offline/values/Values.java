package dev.feast.iceberg.offline.values;

import dev.feast.iceberg.common.Instants;
import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.ValueType;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Brings values callers hand in to Feast's Java representation: timestamps in any java.time form
 * become instants (naive ones are UTC, dates UTC midnight), byte arrays become buffers, narrower
 * integers widen.
 */
public final class Values {
  private Values() {}

  /** The value in Feast's representation of {@code type}; fails naming the column otherwise. */
  public static Object normalize(Object value, ValueType type, String column) {
    if (value == null) {
      return null;
    }
    if (type.isList()) {
      if (!(value instanceof List<?> list)) {
        throw wrongClass(value, type, column);
      }
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(normalize(item, type.elementType(), column));
      }
      return Collections.unmodifiableList(out);
    }
    switch (type) {
      case UNIX_TIMESTAMP:
        Instant instant = Instants.of(value);
        if (instant == null) {
          throw wrongClass(value, type, column);
        }
        return instant;
      case BYTES:
        if (value instanceof byte[] bytes) {
          return ByteBuffer.wrap(bytes);
        }
        break;
      case INT64:
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
          return ((Number) value).longValue();
        }
        break;
      case DOUBLE:
        if (value instanceof Float f) {
          return f.doubleValue();
        }
        break;
      default:
        break;
    }
    if (!type.javaClass().isInstance(value)) {
      throw wrongClass(value, type, column);
    }
    return value;
  }

  private static SchemaMismatchException wrongClass(Object value, ValueType type, String column) {
    return new SchemaMismatchException(
        "Column '"
            + column
            + "' is "
            + type.feastName()
            + " but holds a "
            + value.getClass().getName()
            + " ("
            + value
            + "); give "
            + type.feastName()
            + " values as "
            + type.javaClass().getName()
            + (type.isList() ? " of " + type.elementType().javaClass().getName() : "")
            + (value instanceof Number && type == ValueType.UNIX_TIMESTAMP
                ? " (epoch numbers: Instant.ofEpochSecond or Instant.ofEpochMilli)"
                : ""));
  }
}
