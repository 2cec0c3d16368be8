package dev.feast.iceberg.cli;

/**
 * A value a column cannot hold, with what would fix it ({@code 'abc' is not an integer; write whole
 * numbers like 42}); the reader adds the file, row and column. Without a stack trace: a file with
 * many bad values makes many of them, and only the message is shown.
 */
final class BadValue extends Exception {
  BadValue(Object value, String problem) {
    super("'" + shown(value) + "' " + problem, null, false, false);
  }

  /** The value as the message quotes it: long ones cut short. */
  private static String shown(Object value) {
    String text = String.valueOf(value);
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
