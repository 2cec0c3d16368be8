package dev.feast.iceberg.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Columns as Feast's requests give them ({@code entities}, a push's {@code df}): an object of
 * column name to a list of values, one per row, every list as long, at most the server's row limit.
 */
final class JsonColumns {
  private JsonColumns() {}

  /** The columns in request order; {@code field} names the object in messages. */
  static Map<String, JsonNode> parse(JsonNode node, String field, int maxRows) {
    if (node == null || !node.isObject() || node.isEmpty()) {
      throw BadRequest.of(
          field
              + " is missing, empty or not an object of column to a list of"
              + " values, e.g. {\"driver_id\": [1001, 1002]}");
    }
    Map<String, JsonNode> columns = new LinkedHashMap<>();
    String first = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> column = it.next();
      String where = field + "['" + column.getKey() + "']";
      JsonNode values = column.getValue();
      if (!values.isArray()) {
        throw BadRequest.of(where + " is not a list of values");
      }
      if (values.size() > maxRows) {
        throw new BadRequest(
            413,
            where
                + " holds "
                + values.size()
                + " rows, more than this"
                + " server's limit of "
                + maxRows
                + " (--max-entity-rows); split the request");
      }
      if (first != null && values.size() != columns.get(first).size()) {
        throw BadRequest.of(
            where
                + " holds "
                + values.size()
                + " values but "
                + field
                + "['"
                + first
                + "'] holds "
                + columns.get(first).size()
                + "; give every column one value"
                + " per row");
      }
      if (first == null) {
        first = column.getKey();
      }
      columns.put(column.getKey(), values);
    }
    return columns;
  }
}
