package dev.feast.iceberg.offline.entity;

import dev.feast.iceberg.offline.sql.EntityRelation;
import dev.feast.iceberg.spi.Field;
import java.util.List;

/**
 * Entity rows loaded into DuckDB.
 *
 * @param relation the table and its columns
 * @param fields the user's columns with their types, in input order
 * @param minMicros the least entity timestamp, or null without rows
 * @param maxMicros the greatest entity timestamp, or null without rows
 */
public record EntityRows(
    EntityRelation relation, List<Field> fields, Long minMicros, Long maxMicros) {
  public EntityRows {
    fields = List.copyOf(fields);
  }
}
