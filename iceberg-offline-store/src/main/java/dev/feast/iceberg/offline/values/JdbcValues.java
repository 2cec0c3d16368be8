package dev.feast.iceberg.offline.values;

import dev.feast.iceberg.common.Instants;
import dev.feast.iceberg.common.TypeMapping;
import dev.feast.iceberg.spi.ValueType;
import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Converts between Feast's Java representation and what DuckDB's JDBC driver takes and gives. */
public final class JdbcValues {
  private JdbcValues() {}

  /** A DuckDB result value as Feast's representation of {@code type}. */
  public static Object fromJdbc(Object value, ValueType type) throws SQLException {
    if (value == null) {
      return null;
    }
    if (type.isList()) {
      Object[] items = value instanceof Array array ? (Object[]) array.getArray() : null;
      if (items == null) {
        items = ((List<?>) value).toArray();
      }
      List<Object> out = new ArrayList<>(items.length);
      for (Object item : items) {
        out.add(fromJdbc(item, type.elementType()));
      }
      return Collections.unmodifiableList(out);
    }
    switch (type) {
      case UNIX_TIMESTAMP:
        if (value instanceof LocalDate date) {
          return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return Instants.of(value);
      case INT32:
        return ((Number) value).intValue();
      case INT64:
        return ((Number) value).longValue();
      case DOUBLE:
        return ((Number) value).doubleValue();
      case FLOAT:
        return ((Number) value).floatValue();
      case STRING:
        return value.toString();
      case BYTES:
        if (value instanceof Blob blob) {
          return ByteBuffer.wrap(blob.getBytes(1, (int) blob.length()));
        }
        return value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
      default:
        return value;
    }
  }

  /** A Feast value (already normalized by {@link Values}) as a JDBC parameter. */
  public static Object toJdbc(Connection connection, Object value, ValueType type)
      throws SQLException {
    if (value == null) {
      return null;
    }
    if (type.isList()) {
      List<?> list = (List<?>) value;
      Object[] items = new Object[list.size()];
      for (int i = 0; i < items.length; i++) {
        items[i] = toJdbc(connection, list.get(i), type.elementType());
      }
      return connection.createArrayOf(TypeMapping.duckDbType(type.elementType()), items);
    }
    if (value instanceof Instant instant) {
      return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
    if (value instanceof ByteBuffer buffer) {
      ByteBuffer copy = buffer.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      return bytes;
    }
    return value;
  }
}
