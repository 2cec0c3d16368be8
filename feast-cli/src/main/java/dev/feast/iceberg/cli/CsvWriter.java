package dev.feast.iceberg.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feast.iceberg.spi.Field;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes rows as RFC 4180 CSV with a header line: timestamps as ISO-8601 instants, lists as JSON
 * arrays, bytes as base64, a missing value as an empty field.
 */
final class CsvWriter {
  private final Writer out;

  CsvWriter(Writer out) {
    this.out = out;
  }

  void header(List<Field> columns) throws IOException {
    line(columns.stream().map(Field::name).map(CsvWriter::quote).toList());
  }

  void row(List<Object> values) throws IOException {
    line(values.stream().map(v -> v == null ? "" : quote(text(v))).toList());
  }

  private void line(List<String> fields) throws IOException {
    out.write(String.join(",", fields));
    out.write("\r\n");
  }

  private static String text(Object value) {
    if (value instanceof List<?>) {
      try {
        return JSON.writeValueAsString(JsonValues.of(value));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Cannot write a list value as JSON: " + value, e);
      }
    }
    return String.valueOf(JsonValues.of(value));
  }

  private static String quote(String field) {
    if (field.contains(",")
        || field.contains("\"")
        || field.contains("\n")
        || field.contains("\r")) {
      return '"' + field.replace("\"", "\"\"") + '"';
    }
    return field;
  }

  private static final ObjectMapper JSON = new ObjectMapper();
}
