package dev.feast.iceberg.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints rows as aligned columns under upper-case headers, like Feast's list verbs. */
final class TextTable {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(String... headers) {
    this.headers = List.of(headers);
  }

  TextTable add(Object... values) {
    List<String> row = new ArrayList<>();
    for (Object value : values) {
      row.add(String.valueOf(value));
    }
    rows.add(row);
    return this;
  }

  void print(PrintWriter out) {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    line(out, headers, widths);
    rows.forEach(row -> line(out, row, widths));
  }

  private static void line(PrintWriter out, List<String> values, int[] widths) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      text.append(i == values.size() - 1 ? values.get(i) : pad(values.get(i), widths[i] + 2));
    }
    out.println(text.toString().stripTrailing());
  }

  private static String pad(String value, int width) {
    return value + " ".repeat(Math.max(0, width - value.length()));
  }

  /** {@code 1 entity}, {@code 2 entities}. */
  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
