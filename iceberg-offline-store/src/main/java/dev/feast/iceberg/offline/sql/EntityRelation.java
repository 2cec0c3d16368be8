package dev.feast.iceberg.offline.sql;

import java.util.List;

/**
 * The entity rows as loaded into DuckDB.
 *
 * @param table the temporary table
 * @param rowColumn the column numbering rows in input order
 * @param columns the user's columns, in input order (the row column excluded)
 * @param timestampColumn the entity timestamp column ({@code TIMESTAMPTZ})
 */
public record EntityRelation(
    String table, String rowColumn, List<String> columns, String timestampColumn) {
  public EntityRelation {
    columns = List.copyOf(columns);
  }
}
