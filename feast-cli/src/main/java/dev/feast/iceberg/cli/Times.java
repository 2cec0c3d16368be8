package dev.feast.iceberg.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Reads the times users type: {@code now}, an instant ({@code 2026-11-25T10:00:00Z}), a time with
 * an offset, a date-time without zone (UTC, as Feast reads it) or a date (UTC midnight).
 */
final class Times {
  private Times() {}

  static Instant parse(String text, String what, Clock clock) {
    String value = text.strip();
    if (value.equalsIgnoreCase("now")) {
      // Whole seconds: the instant is recorded in the registry and shown to people.
      return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      // not with an offset; try the next form
    }
    try {
      return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // not a local date-time; try a date
    }
    try {
      return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new CliException(
          what
              + " '"
              + text
              + "' is not a time; write it like 2026-11-25T10:00:00Z,"
              + " 2026-11-25T10:00:00 (UTC), 2026-11-25 or now");
    }
  }
}
