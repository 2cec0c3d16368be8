package dev.feast.iceberg.offline.retrieval;

import static dev.feast.iceberg.common.Sql.id;

import dev.feast.iceberg.offline.sql.OrderKey;
import dev.feast.iceberg.offline.sql.SourceRelation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Measures a source's timestamps (bounds and the coarsest step all values fall on) in one scan of
 * the two columns, to pick the narrowest exact {@link OrderKey}.
 */
final class OrderKeys {
  /** Candidate steps, coarsest first: hour, minute, second, millisecond, microsecond. */
  private static final long[] STEPS = {3_600_000_000L, 60_000_000L, 1_000_000L, 1_000L, 1L};

  private OrderKeys() {}

  static OrderKey measure(Connection connection, String relation) throws SQLException {
    String ts = "epoch_us(" + id(SourceRelation.TS) + ")";
    String created = "epoch_us(" + id(SourceRelation.CREATED) + ")";
    String sql =
        "SELECT min("
            + ts
            + "), max("
            + ts
            + "), max("
            + level(ts)
            + "), min("
            + created
            + "), max("
            + created
            + "), max("
            + level(created)
            + ") FROM ("
            + relation
            + ") r";
    try (Statement statement = connection.createStatement();
        ResultSet bounds = statement.executeQuery(sql)) {
      if (!bounds.next() || bounds.getObject(1) == null) {
        return OrderKey.WIDE; // no rows: nothing to order
      }
      Long createdMin = (Long) bounds.getObject(4);
      return OrderKey.of(
          bounds.getLong(1),
          bounds.getLong(2),
          STEPS[bounds.getInt(3)],
          createdMin,
          createdMin == null ? null : bounds.getLong(5),
          createdMin == null ? 1 : STEPS[bounds.getInt(6)]);
    }
  }

  /** The index in {@link #STEPS} of the coarsest step a value falls on; NULL for NULL. */
  private static String level(String micros) {
    StringBuilder sql = new StringBuilder("CASE WHEN ").append(micros).append(" IS NULL THEN NULL");
    for (int i = 0; i < STEPS.length - 1; i++) {
      sql.append(" WHEN ").append(micros).append(" % ").append(STEPS[i]).append(" = 0 THEN ");
      sql.append(i);
    }
    return sql.append(" ELSE ").append(STEPS.length - 1).append(" END").toString();
  }
}
