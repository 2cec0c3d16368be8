package dev.feast.iceberg.common;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.types.Type;

/** Converts values between Feast's Java representation and Iceberg's generic records. */
public final class RecordValues {
  private RecordValues() {}

  /** A Feast value as Iceberg's generic writers expect it for a column of {@code type}. */
  public static Object toIceberg(Object value, Type type) {
    if (value == null) {
      return null;
    }
    switch (type.typeId()) {
      case TIMESTAMP:
        Instant instant = (Instant) value;
        return ((org.apache.iceberg.types.Types.TimestampType) type).shouldAdjustToUTC()
            ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)
            : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
      case LIST:
        Type element = type.asListType().elementType();
        List<Object> out = new ArrayList<>();
        for (Object item : (List<?>) value) {
          out.add(toIceberg(item, element));
        }
        return out;
      case BINARY:
        return value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
      default:
        return value;
    }
  }

  /** An Iceberg generic value as Feast's Java representation. */
  public static Object fromIceberg(Object value) {
    if (value instanceof OffsetDateTime t) {
      return t.toInstant();
    } else if (value instanceof LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC);
    } else if (value instanceof LocalDate d) {
      return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    } else if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(fromIceberg(item));
      }
      return out;
    }
    return value;
  }
}
