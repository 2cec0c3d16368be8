package dev.feast.iceberg.offline.sql;

import static dev.feast.iceberg.common.Sql.id;

import dev.feast.iceberg.offline.scan.SourceColumns;
import dev.feast.iceberg.spi.offline.OfflineStore;
import java.util.ArrayList;
import java.util.List;

/** Builds the reads materialization makes: every row, or the latest per key, in a time range. */
public final class PullQuery {
  private PullQuery() {}

  /**
   * The rows of the source with event timestamp in {@code [startMicros, endMicros]}, named as in
   * the feature view, plus {@link OfflineStore#EVENT_TIMESTAMP} and, when the source has one,
   * {@link OfflineStore#CREATED_TIMESTAMP}.
   *
   * @param latest keep one row per key: greatest event timestamp, then greatest created
   */
  public static String sql(
      SourceColumns columns, String source, long startMicros, long endMicros, boolean latest) {
    List<String> select = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < columns.keys().size(); i++) {
      keys.add(id(SourceRelation.key(i)));
      select.add(id(SourceRelation.key(i)) + " AS " + id(columns.keys().get(i).name()));
    }
    for (int j = 0; j < columns.features().size(); j++) {
      select.add(id(SourceRelation.feature(j)) + " AS " + id(columns.features().get(j).name()));
    }
    String ts = id(SourceRelation.TS);
    select.add(ts + " AS " + id(OfflineStore.EVENT_TIMESTAMP));
    String order = ts + " DESC";
    if (columns.hasCreated()) {
      select.add(id(SourceRelation.CREATED) + " AS " + id(OfflineStore.CREATED_TIMESTAMP));
      order += ", " + id(SourceRelation.CREATED) + " DESC NULLS LAST";
    }
    StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select));
    sql.append("\nFROM (").append(source).append(") s\nWHERE epoch_us(").append(ts);
    sql.append(") BETWEEN ").append(startMicros).append(" AND ").append(endMicros);
    if (latest) {
      sql.append("\nQUALIFY row_number() OVER (");
      if (!keys.isEmpty()) {
        sql.append("PARTITION BY ").append(String.join(", ", keys)).append(" ");
      }
      sql.append("ORDER BY ").append(order).append(") = 1");
    }
    List<String> sort = new ArrayList<>(keys);
    sort.add(ts);
    sql.append("\nORDER BY ").append(String.join(", ", sort));
    return sql.toString();
  }
}
