package dev.feast.iceberg.common.cache;

import dev.feast.iceberg.spi.ConfigException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes written the way users write them in {@code feature_store.yaml}: {@code 10GB}, {@code
 * 512MB}.
 */
public final class ByteSize {
  private static final Pattern SIZE =
      Pattern.compile(
          "(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb|tb|kib|mib|gib|tib)?", Pattern.CASE_INSENSITIVE);

  private ByteSize() {}

  /**
   * The number of bytes of a size; units are powers of 1024 whether written {@code GB} or {@code
   * GiB}, as DuckDB reads its {@code memory_limit}; no unit means bytes.
   *
   * @param key the configuration key, named in the error
   */
  public static long parse(String key, String text) {
    Matcher m = text == null ? null : SIZE.matcher(text.trim());
    if (m == null || !m.matches()) {
      throw new ConfigException(
          key + " '" + text + "' is not a size; write it like 10GB, 512MB or 1048576");
    }
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    int power =
        switch (unit.charAt(0)) {
          case 'k' -> 1;
          case 'm' -> 2;
          case 'g' -> 3;
          case 't' -> 4;
          default -> 0;
        };
    double bytes = Double.parseDouble(m.group(1)) * Math.pow(1024, power);
    if (bytes > Long.MAX_VALUE) {
      throw new ConfigException(key + " '" + text + "' is too large");
    }
    return (long) bytes;
  }
}
