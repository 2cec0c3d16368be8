package dev.feast.iceberg.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feast.iceberg.spi.ValueType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Reads values written as text (CSV fields, text columns of Parquet files) as Feast's Java values,
 * in the forms {@link CsvWriter} writes them: numbers, {@code true}/{@code false}, timestamps in
 * the forms of {@link TimestampText} (or epoch numbers with an {@link EpochUnit}), bytes as base64,
 * lists as JSON arrays. Blank text is a missing value, except in a string column.
 */
final class TextValues {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TextValues() {}

  /** The value of {@code text} as {@code type}; {@code unit} may be null (no epoch numbers). */
  static Object parse(String text, ValueType type, EpochUnit unit) throws BadValue {
    if (text == null) {
      return null;
    }
    if (type == ValueType.STRING) {
      return text;
    }
    String value = text.strip();
    if (value.isEmpty()) {
      return null;
    }
    if (type.isList()) {
      return list(value, type, unit);
    }
    return switch (type) {
      case INT64 -> integer(value, Long.MIN_VALUE, Long.MAX_VALUE, type);
      case INT32 -> (int) integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE, type);
      case DOUBLE -> decimal(value);
      case FLOAT -> single(decimal(value), value);
      case BOOL -> bool(value);
      case UNIX_TIMESTAMP -> timestamp(value, unit);
      case BYTES -> bytes(value);
      default -> throw new IllegalStateException("No text form for " + type);
    };
  }

  static long integer(String value, long min, long max, ValueType type) throws BadValue {
    long number;
    try {
      number = Long.parseLong(value);
    } catch (NumberFormatException e) {
      number = integral(value, type);
    }
    return inRange(number, min, max, value, type);
  }

  /**
   * {@code 7.0} (as pandas writes integers of a column with gaps) is 7; {@code 7.5} is no integer.
   */
  private static long integral(String value, ValueType type) throws BadValue {
    BigDecimal number;
    try {
      number = new BigDecimal(value);
    } catch (NumberFormatException e) {
      number = null;
    }
    if (number == null || number.stripTrailingZeros().scale() > 0) {
      throw new BadValue(value, "is not an integer; write whole numbers like 42");
    }
    try {
      return number.longValueExact();
    } catch (ArithmeticException e) {
      throw outOfRange(value, type);
    }
  }

  static long inRange(long number, long min, long max, Object value, ValueType type)
      throws BadValue {
    if (number < min || number > max) {
      throw outOfRange(value, type);
    }
    return number;
  }

  static BadValue outOfRange(Object value, ValueType type) {
    boolean int32 = type.elementType() == ValueType.INT32;
    return new BadValue(
        value,
        "is out of "
            + type.elementType().feastName()
            + "'s range; write whole numbers from "
            + (int32 ? Integer.MIN_VALUE : Long.MIN_VALUE)
            + " to "
            + (int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
  }

  private static double decimal(String value) throws BadValue {
    String lower = value.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "nan", "+nan", "-nan":
        return Double.NaN;
      case "inf", "+inf", "infinity", "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf", "-infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    char last = lower.charAt(lower.length() - 1);
    try {
      // Java also reads "1.5f", "2d" and hex floats, which no data file means as numbers.
      if ((last >= '0' && last <= '9' || last == '.') && !lower.contains("x")) {
        return Double.parseDouble(value);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadValue(value, "is not a number; write numbers like 0.25, -1.5e3, NaN or inf");
  }

  static float single(double number, Object value) throws BadValue {
    float single = (float) number;
    if (Float.isInfinite(single) && !Double.isInfinite(number)) {
      throw new BadValue(value, "is out of Float32's range; write numbers up to 3.4e38");
    }
    return single;
  }

  private static boolean bool(String value) throws BadValue {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "t", "1":
        return true;
      case "false", "f", "0":
        return false;
      default:
        throw new BadValue(value, "is not a boolean; write true or false");
    }
  }

  private static Instant timestamp(String value, EpochUnit unit) throws BadValue {
    Instant instant = TimestampText.parse(value);
    if (instant != null) {
      return instant;
    }
    if (!isDecimal(value)) {
      throw new BadValue(value, "is not a timestamp; write " + TimestampText.FORMS);
    }
    return epoch(new BigDecimal(value), unit, value);
  }

  /** The instant of an epoch number, which needs the unit the user gave. */
  static Instant epoch(BigDecimal number, EpochUnit unit, Object value) throws BadValue {
    if (unit == null) {
      throw new BadValue(
          value,
          "is a number, not a timestamp; pass --epoch-unit s (or ms) to read epoch seconds (or"
              + " milliseconds), or write times like 2026-11-25T10:00:00Z");
    }
    try {
      return unit.instant(number);
    } catch (ArithmeticException | DateTimeException e) {
      throw new BadValue(value, "is out of range for epoch " + unit + "; check the --epoch-unit");
    }
  }

  /** Whether the text is a plain decimal number: an optional sign, digits, an optional fraction. */
  static boolean isDecimal(String value) {
    int i = value.startsWith("-") || value.startsWith("+") ? 1 : 0;
    int digits = 0;
    boolean point = false;
    for (; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        return false;
      }
    }
    return digits > 0;
  }

  private static ByteBuffer bytes(String value) throws BadValue {
    try {
      return ByteBuffer.wrap(Base64.getDecoder().decode(value));
    } catch (IllegalArgumentException e) {
      throw new BadValue(
          value, "is not base64; write bytes in base64, as get-online-features prints them");
    }
  }

  private static List<Object> list(String value, ValueType type, EpochUnit unit) throws BadValue {
    JsonNode array;
    try {
      array = JSON.readTree(value);
    } catch (JsonProcessingException e) {
      array = null;
    }
    if (array == null || !array.isArray()) {
      throw new BadValue(
          value,
          "is not a JSON list of "
              + type.elementType().feastName()
              + "; write lists like "
              + (type.elementType() == ValueType.STRING ? "[\"a\", \"b\"]" : "[1, 2, 3]"));
    }
    List<Object> items = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonNode item = array.get(i);
      if (item.isNull()) {
        items.add(null);
        continue;
      }
      try {
        items.add(parse(item.asText(), type.elementType(), unit));
      } catch (BadValue e) {
        throw new BadValue(value, "item " + (i + 1) + ": " + e.getMessage());
      }
    }
    return items;
  }
}
