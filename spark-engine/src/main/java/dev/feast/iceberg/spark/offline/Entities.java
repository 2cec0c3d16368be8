package dev.feast.iceberg.spark.offline;

import dev.feast.iceberg.spi.Field;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Entity rows as a Spark frame: the caller's columns, the timestamp column cast to a timestamp, and
 * {@link #ROW}, a number that follows the input order (output rows come back in it).
 *
 * @param frame the rows
 * @param fields the caller's columns with their Feast types (the timestamp one a timestamp)
 * @param timestampColumn the entity timestamp column
 * @param min the least entity timestamp, or null when there are no timestamps
 * @param max the greatest entity timestamp, or null
 * @param inMemory whether the rows came from the caller's memory, so a result of as many rows may
 *     be collected whole
 */
record Entities(
    Dataset<Row> frame,
    List<Field> fields,
    String timestampColumn,
    Instant min,
    Instant max,
    boolean inMemory) {
  static final String ROW = "__feast_row";

  List<String> names() {
    return fields.stream().map(Field::name).toList();
  }
}
