package dev.feast.iceberg.cli;

import dev.feast.iceberg.common.Instants;
import dev.feast.iceberg.spi.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.Blob;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the values DuckDB gives for a Parquet file's columns as Feast's Java values, checked in
 * Java rather than cast in SQL so that a bad value is reported with its row: integers widen and
 * must fit, integral decimals count as integers, timestamps and dates are instants (naive ones
 * UTC), numbers in a timestamp column need an {@link EpochUnit}, text is read as {@link TextValues}
 * reads a CSV field.
 */
final class ParquetValues {
  private ParquetValues() {}

  static Object convert(Object value, ValueType type, EpochUnit unit) throws BadValue {
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return TextValues.parse(text, type, unit);
    }
    if (type.isList()) {
      return list(value, type, unit);
    }
    return switch (type) {
      case INT64 -> integer(value, Long.MIN_VALUE, Long.MAX_VALUE, type);
      case INT32 -> (int) integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE, type);
      case DOUBLE -> number(value).doubleValue();
      case FLOAT -> TextValues.single(number(value).doubleValue(), value);
      case BOOL -> bool(value);
      case STRING -> text(value);
      case UNIX_TIMESTAMP -> timestamp(value, unit);
      case BYTES -> bytes(value);
      default -> throw new IllegalStateException("No Parquet form for " + type);
    };
  }

  private static long integer(Object value, long min, long max, ValueType type) throws BadValue {
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return TextValues.inRange(((Number) value).longValue(), min, max, value, type);
    }
    BigDecimal number = decimal(value);
    if (number == null || number.stripTrailingZeros().scale() > 0) {
      throw new BadValue(value, "is not an integer; write whole numbers like 42");
    }
    try {
      return TextValues.inRange(number.longValueExact(), min, max, value, type);
    } catch (ArithmeticException e) {
      throw TextValues.outOfRange(value, type);
    }
  }

  private static Number number(Object value) throws BadValue {
    if (value instanceof Number number) {
      return number;
    }
    throw new BadValue(value, "is not a number; write numbers like 0.25, -1.5e3, NaN or inf");
  }

  /** An exact decimal of a numeric value, or null for a value that is not a finite number. */
  private static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    } else if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    } else if ((value instanceof Double || value instanceof Float)
        && Double.isFinite(((Number) value).doubleValue())) {
      return BigDecimal.valueOf(((Number) value).doubleValue());
    } else if (value instanceof Number n) {
      return BigDecimal.valueOf(n.longValue());
    }
    return null;
  }

  private static boolean bool(Object value) throws BadValue {
    if (value instanceof Boolean b) {
      return b;
    }
    throw new BadValue(value, "is not a boolean; write true or false");
  }

  private static String text(Object value) throws BadValue {
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    throw new BadValue(value, "is not text; write the column as strings");
  }

  private static Instant timestamp(Object value, EpochUnit unit) throws BadValue {
    Instant instant = Instants.of(value);
    if (instant != null) {
      return instant;
    }
    BigDecimal number = decimal(value);
    if (number == null) {
      throw new BadValue(value, "is not a timestamp; write a timestamp column");
    }
    return TextValues.epoch(number, unit, value);
  }

  private static ByteBuffer bytes(Object value) throws BadValue {
    try {
      if (value instanceof Blob blob) {
        return ByteBuffer.wrap(blob.getBytes(1, (int) blob.length()));
      } else if (value instanceof byte[] bytes) {
        return ByteBuffer.wrap(bytes);
      } else if (value instanceof ByteBuffer buffer) {
        return buffer;
      }
    } catch (SQLException e) {
      throw new BadValue(value, "cannot be read as bytes (" + e.getMessage() + ")");
    }
    throw new BadValue(value, "is not bytes; write the column as binary");
  }

  private static List<Object> list(Object value, ValueType type, EpochUnit unit) throws BadValue {
    Object[] items;
    try {
      if (value instanceof Array array) {
        items = (Object[]) array.getArray();
      } else if (value instanceof List<?> list) {
        items = list.toArray();
      } else {
        throw new BadValue(
            value, "is not a list of " + type.elementType().feastName() + "; write a list column");
      }
    } catch (SQLException e) {
      throw new BadValue(value, "cannot be read as a list (" + e.getMessage() + ")");
    }
    List<Object> out = new ArrayList<>(items.length);
    for (int i = 0; i < items.length; i++) {
      try {
        out.add(convert(items[i], type.elementType(), unit));
      } catch (BadValue e) {
        throw new BadValue(value, "item " + (i + 1) + ": " + e.getMessage());
      }
    }
    return out;
  }
}
