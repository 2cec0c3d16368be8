package dev.feast.iceberg.core.definitions;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a ttl as users write it: {@code 1d}, {@code 2h}, {@code 90m}, {@code 30s}, combinations
 * like {@code 1d12h}, a number of seconds, or ISO-8601 ({@code P1D}, {@code PT2H}). Zero means no
 * limit, as in Feast.
 */
final class Ttls {
  private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");
  private static final Pattern UNITS = Pattern.compile("(\\d+[dhms])+");

  private Ttls() {}

  /** The duration, or null when the text is none of the accepted forms. */
  static Duration parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (value.matches("\\d+")) {
      return Duration.ofSeconds(Long.parseLong(value));
    }
    if (UNITS.matcher(value).matches()) {
      Duration total = Duration.ZERO;
      Matcher part = PART.matcher(value);
      while (part.find()) {
        long amount = Long.parseLong(part.group(1));
        total =
            total.plus(
                switch (part.group(2)) {
                  case "d" -> Duration.ofDays(amount);
                  case "h" -> Duration.ofHours(amount);
                  case "m" -> Duration.ofMinutes(amount);
                  default -> Duration.ofSeconds(amount);
                });
      }
      return total;
    }
    try {
      return Duration.parse(text.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The shortest of the accepted forms for a duration ({@code 1d}, {@code 2h30m}, {@code 0}). */
  static String format(Duration ttl) {
    if (ttl.isZero()) {
      return "0";
    }
    long seconds = ttl.getSeconds();
    StringBuilder text = new StringBuilder();
    long[] sizes = {86_400, 3_600, 60, 1};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (seconds >= sizes[i]) {
        text.append(seconds / sizes[i]).append(units[i]);
        seconds %= sizes[i];
      }
    }
    return text.toString();
  }
}
