package dev.feast.iceberg.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads the timestamp forms the CLI documents: ISO-8601 with an offset ({@code
 * 2026-11-25T12:00:00+02:00}, {@code ...Z}) or without (UTC, as Feast reads it), a space in place
 * of the {@code T} ({@code 2026-11-25 10:00:00}), seconds optional, up to nine fractional digits,
 * and a date alone (UTC midnight). Parsed by hand rather than with {@code DateTimeFormatter}s tried
 * in turn: a file can hold millions of them, and a failed try costs an exception.
 */
final class TimestampText {
  /** How the documented forms read in an error message. */
  static final String FORMS =
      "2026-11-25T10:00:00Z, 2026-11-25T12:00:00+02:00, 2026-11-25 10:00:00 (UTC) or 2026-11-25";

  private TimestampText() {}

  /** The instant the text names, or {@code null} when it is none of the forms. */
  static Instant parse(String text) {
    String s = text.strip();
    int n = s.length();
    if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    if (year < 0 || month < 0 || day < 0) {
      return null;
    }
    try {
      if (n == 10) {
        return LocalDate.of(year, month, day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      char separator = s.charAt(10);
      if (separator != 'T' && separator != 't' && separator != ' ') {
        return null;
      }
      int hour = digits(s, 11, 2);
      if (hour < 0 || n < 16 || s.charAt(13) != ':') {
        return null;
      }
      int minute = digits(s, 14, 2);
      int i = 16;
      int second = 0;
      int nanos = 0;
      if (i < n && s.charAt(i) == ':') {
        second = digits(s, i + 1, 2);
        i += 3;
        if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
          int start = ++i;
          while (i < n && Character.isDigit(s.charAt(i)) && i - start < 9) {
            nanos = nanos * 10 + (s.charAt(i) - '0');
            i++;
          }
          if (i == start) {
            return null;
          }
          for (int k = i - start; k < 9; k++) {
            nanos *= 10;
          }
        }
      }
      if (minute < 0 || second < 0) {
        return null;
      }
      LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
      ZoneOffset offset = offset(s, i);
      return offset == null ? null : local.toInstant(offset);
    } catch (DateTimeException e) {
      // Numbers in the right places that make no date or time (month 13, hour 25).
      return null;
    }
  }

  /**
   * {@code Z}, {@code +HH}, {@code +HHMM} or {@code +HH:MM} from {@code i} to the end; none is UTC.
   */
  private static ZoneOffset offset(String s, int i) {
    int n = s.length();
    if (i == n) {
      return ZoneOffset.UTC;
    }
    char sign = s.charAt(i);
    if ((sign == 'Z' || sign == 'z') && i + 1 == n) {
      return ZoneOffset.UTC;
    }
    if (sign != '+' && sign != '-') {
      return null;
    }
    int hours = digits(s, i + 1, 2);
    int minutes = 0;
    int rest = n - (i + 3);
    if (rest == 3 && s.charAt(i + 3) == ':') {
      minutes = digits(s, i + 4, 2);
    } else if (rest == 2) {
      minutes = digits(s, i + 3, 2);
    } else if (rest != 0) {
      return null;
    }
    if (hours < 0 || minutes < 0) {
      return null;
    }
    int factor = sign == '-' ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(factor * hours, factor * minutes);
  }

  /** The number the {@code count} digits at {@code from} spell, or -1. */
  private static int digits(String s, int from, int count) {
    if (from + count > s.length()) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
