package dev.feast.iceberg.offline.entity;

import static dev.feast.iceberg.common.Sql.id;

import dev.feast.iceberg.common.TypeMapping;
import dev.feast.iceberg.offline.values.JdbcValues;
import dev.feast.iceberg.spi.ValueType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The distinct join key values of the entity rows, which let a scan skip files (and bucket
 * partitions) that hold none of them. Many values would only slow planning, so past {@link #LIMIT}
 * the keys are not used for pruning.
 */
public final class EntityKeyValues {
  static final int LIMIT = 1000;

  private EntityKeyValues() {}

  /**
   * The distinct non-null values of an entity column cast to the key type, or null when there are
   * more than {@link #LIMIT} or the type is not one Iceberg filters on here.
   */
  public static List<Object> distinct(
      Connection connection, String table, String column, ValueType type) throws SQLException {
    if (type != ValueType.INT64 && type != ValueType.INT32 && type != ValueType.STRING) {
      return null;
    }
    String sql =
        "SELECT DISTINCT CAST("
            + id(column)
            + " AS "
            + TypeMapping.duckDbType(type)
            + ") FROM "
            + id(table)
            + " WHERE "
            + id(column)
            + " IS NOT NULL LIMIT "
            + (LIMIT + 1);
    List<Object> values = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery(sql)) {
      while (results.next()) {
        values.add(JdbcValues.fromJdbc(results.getObject(1), type));
      }
    }
    return values.size() > LIMIT ? null : values;
  }
}
