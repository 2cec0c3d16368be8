package dev.feast.iceberg.spark.materialize;

import dev.feast.iceberg.spi.InvalidDefinitionException;
import dev.feast.iceberg.spi.ValueType;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.types.Type;

/**
 * Values as Spark hands them (external rows) turned into what the online table stores: Iceberg
 * generic values of the column's type, and entity key values of the join key's Feast type.
 */
final class OnlineValues {
  private OnlineValues() {}

  /** An entity key value of the join key's type: Long, Integer, String or ByteBuffer. */
  static Object keyValue(String name, ValueType type, Object value) {
    return switch (type) {
      case INT64 -> ((Number) value).longValue();
      case INT32 -> ((Number) value).intValue();
      case STRING -> value.toString();
      case BYTES -> ByteBuffer.wrap((byte[]) value);
      default ->
          throw new InvalidDefinitionException(
              "Join key '"
                  + name
                  + "' is "
                  + type
                  + "; entity keys are INT64, INT32,"
                  + " STRING or BYTES");
    };
  }

  /** A Spark value as an Iceberg generic value of {@code type}; null stays null. */
  static Object icebergValue(Type type, Object value) {
    if (value == null) {
      return null;
    }
    return switch (type.typeId()) {
      case LONG -> ((Number) value).longValue();
      case INTEGER -> ((Number) value).intValue();
      case DOUBLE -> ((Number) value).doubleValue();
      case FLOAT -> ((Number) value).floatValue();
      case BOOLEAN -> (Boolean) value;
      case STRING -> value.toString();
      case BINARY -> value instanceof ByteBuffer b ? b : ByteBuffer.wrap((byte[]) value);
      case TIMESTAMP -> OffsetDateTime.ofInstant(instant(value), ZoneOffset.UTC);
      case LIST -> list(type.asListType().elementType(), value);
      default ->
          throw new IllegalArgumentException(
              "Online column type " + type + " is not one materialization writes");
    };
  }

  /** A Spark timestamp: an Instant with Spark's Java 8 time API, else a java.sql.Timestamp. */
  static Instant instant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof LocalDateTime naive) {
      return naive.toInstant(ZoneOffset.UTC); // a timestamp without zone is UTC, as in every store
    }
    return (Instant) value;
  }

  private static List<Object> list(Type element, Object value) {
    Iterable<?> items =
        value instanceof scala.collection.Iterable<?> seq
            ? scala.jdk.javaapi.CollectionConverters.asJava(seq)
            : (Iterable<?>) value;
    List<Object> out = new ArrayList<>();
    for (Object item : items) {
      out.add(icebergValue(element, item));
    }
    return out;
  }
}
