package dev.feast.iceberg.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Timestamps in the forms Java code and JDBC drivers hand over, as instants: naive date-times are
 * UTC (as Feast reads them) and dates UTC midnight.
 */
public final class Instants {
  private Instants() {}

  /** The instant of a timestamp value, or {@code null} when the value is no timestamp. */
  public static Instant of(Object value) {
    if (value instanceof Instant i) {
      return i;
    } else if (value instanceof OffsetDateTime t) {
      return t.toInstant();
    } else if (value instanceof ZonedDateTime t) {
      return t.toInstant();
    } else if (value instanceof LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC);
    } else if (value instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    } else if (value instanceof java.sql.Date d) {
      return d.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    } else if (value instanceof LocalDate d) {
      return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return null;
  }
}
