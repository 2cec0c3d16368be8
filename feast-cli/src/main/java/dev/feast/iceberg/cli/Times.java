package dev.feast.iceberg.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Reads the times users type: {@code now}, an instant ({@code 2026-11-25T10:00:00Z}), a time with
 * an offset, a date-time without zone (UTC, as Feast reads it) or a date (UTC midnight): the forms
 * of {@link TimestampText}.
 */
final class Times {
  private Times() {}

  static Instant parse(String text, String what, Clock clock) {
    String value = text.strip();
    if (value.equalsIgnoreCase("now")) {
      // Whole seconds: the instant is recorded in the registry and shown to people.
      return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
    Instant instant = TimestampText.parse(value);
    if (instant == null) {
      throw new CliException(
          what
              + " '"
              + text
              + "' is not a time; write it like 2026-11-25T10:00:00Z,"
              + " 2026-11-25T10:00:00 (UTC), 2026-11-25 or now");
    }
    return instant;
  }
}
