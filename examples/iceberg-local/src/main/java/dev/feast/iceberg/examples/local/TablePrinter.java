package dev.feast.iceberg.examples.local;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints rows as an aligned text table, the way a data frame prints. */
final class TablePrinter {
  private TablePrinter() {}

  static void print(PrintStream out, List<String> columns, List<Map<String, Object>> rows) {
    List<List<String>> cells = new ArrayList<>();
    int[] widths = columns.stream().mapToInt(String::length).toArray();
    for (Map<String, Object> row : rows) {
      List<String> line = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        String text = String.valueOf(row.get(columns.get(i)));
        widths[i] = Math.max(widths[i], text.length());
        line.add(text);
      }
      cells.add(line);
    }
    out.println(line(columns, widths));
    StringBuilder rule = new StringBuilder();
    for (int width : widths) {
      rule.append("-".repeat(width)).append("  ");
    }
    out.println(rule.toString().stripTrailing());
    cells.forEach(line -> out.println(line(line, widths)));
  }

  private static String line(List<String> values, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      line.append(String.format("%-" + widths[i] + "s  ", values.get(i)));
    }
    return line.toString().stripTrailing();
  }
}
