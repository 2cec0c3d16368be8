package dev.feast.iceberg.core.config;

import dev.feast.iceberg.spi.ConfigException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in configuration text with environment
 * values, line by line so that a missing variable is reported with its line.
 */
final class EnvSubstitution {
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");

  private EnvSubstitution() {}

  static String substitute(String text, Map<String, String> env, String file) {
    StringBuilder out = new StringBuilder(text.length());
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      String line = lines[i];
      if (line.stripLeading().startsWith("#")) {
        out.append(line);
        continue;
      }
      Matcher m = VARIABLE.matcher(line);
      StringBuilder replaced = new StringBuilder();
      while (m.find()) {
        String value = env.get(m.group(1));
        if (value == null) {
          value = m.group(3);
        }
        if (value == null) {
          throw new ConfigException(
              file
                  + " line "
                  + (i + 1)
                  + ": environment variable "
                  + m.group(1)
                  + " is not set; export it, or write ${"
                  + m.group(1)
                  + ":-default}");
        }
        m.appendReplacement(replaced, Matcher.quoteReplacement(value));
      }
      m.appendTail(replaced);
      out.append(replaced);
    }
    return out.toString();
  }
}
