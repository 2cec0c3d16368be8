package dev.feast.iceberg.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.feast.iceberg.spi.ValueType;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads typed values from a request's JSON, as Feast converts them ({@code type_map.py}): an {@code
 * Int64} or {@code Int32} from a whole number or a string of one ({@code int(x)}), a {@code String}
 * from a string or a number ({@code str(x)}), {@code Bytes} from base64. What Feast would truncate
 * or fail on deep inside (1001.5 for an Int64, {@code "abc"} for an Int64) is a 400 naming the
 * column, the row and the type.
 */
final class JsonInput {
  private JsonInput() {}

  /** A join key value, never null. */
  static Object key(JsonNode node, ValueType type, String column, int row) {
    if (node == null || node.isNull()) {
      throw BadRequest.of(
          "entities['" + column + "'][" + row + "] is null; a join key needs a value");
    }
    return scalar(node, type, "entities['" + column + "'][" + row + "]");
  }

  /** A value of a column pushed in {@code df}, null when the JSON holds null. */
  static Object value(JsonNode node, ValueType type, String where) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (type.isList()) {
      if (!node.isArray()) {
        throw wrongType(node, type, where);
      }
      List<Object> list = new ArrayList<>(node.size());
      for (int i = 0; i < node.size(); i++) {
        list.add(value(node.get(i), type.elementType(), where + "[" + i + "]"));
      }
      return list;
    }
    return scalar(node, type, where);
  }

  private static Object scalar(JsonNode node, ValueType type, String where) {
    switch (type) {
      case INT64:
        return wholeNumber(node, type, where, Long.MIN_VALUE, Long.MAX_VALUE);
      case INT32:
        return (int) wholeNumber(node, type, where, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case STRING:
        if (node.isTextual() || node.isIntegralNumber()) {
          return node.asText();
        }
        throw wrongType(node, type, where);
      case BYTES:
        if (node.isTextual()) {
          try {
            return ByteBuffer.wrap(Base64.getDecoder().decode(node.textValue()));
          } catch (IllegalArgumentException e) {
            throw BadRequest.of(where + " is not base64, as Bytes are written in JSON");
          }
        }
        throw wrongType(node, type, where);
      case DOUBLE:
        return decimal(node, type, where);
      case FLOAT:
        return (float) decimal(node, type, where);
      case BOOL:
        if (node.isBoolean()) {
          return node.booleanValue();
        }
        throw wrongType(node, type, where);
      case UNIX_TIMESTAMP:
        return instant(node, where);
      default:
        throw wrongType(node, type, where);
    }
  }

  private static long wholeNumber(JsonNode node, ValueType type, String where, long min, long max) {
    long value;
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      value = node.longValue();
    } else if (node.isTextual()) {
      try {
        value = Long.parseLong(node.textValue().strip());
      } catch (NumberFormatException e) {
        throw wrongType(node, type, where);
      }
    } else {
      throw wrongType(node, type, where);
    }
    if (value < min || value > max) {
      throw BadRequest.of(where + " holds " + value + ", out of the range of " + type.feastName());
    }
    return value;
  }

  private static double decimal(JsonNode node, ValueType type, String where) {
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      switch (node.textValue()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw wrongType(node, type, where);
  }

  /**
   * A time: epoch seconds (a number, as Feast's {@code unix_timestamp_val}), or RFC 3339 text; a
   * date-time without zone is UTC, as Feast reads it.
   */
  static Instant instant(JsonNode node, String where) {
    if (node.isNumber()) {
      double seconds = node.doubleValue();
      long whole = (long) Math.floor(seconds);
      return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
    }
    if (!node.isTextual()) {
      throw wrongType(node, ValueType.UNIX_TIMESTAMP, where);
    }
    String text = node.textValue().strip().replace(' ', 'T');
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notDate) {
          throw BadRequest.of(
              where
                  + " holds '"
                  + node.textValue()
                  + "', not a time; write"
                  + " 2026-11-25T10:00:00Z or epoch seconds");
        }
      }
    }
  }

  private static BadRequest wrongType(JsonNode node, ValueType type, String where) {
    String shown = node.toString();
    if (shown.length() > 60) {
      shown = shown.substring(0, 60) + "...";
    }
    return BadRequest.of(where + " holds " + shown + ", not a value of type " + type.feastName());
  }
}
