package dev.feast.iceberg.benchmarks.offline;

import static dev.feast.iceberg.common.Sql.literal;
import static dev.feast.iceberg.common.Sql.stringList;

import java.util.ArrayList;
import java.util.List;

/**
 * The hand-written DuckDB queries the store is measured against, over the same Parquet files. Each
 * returns the entity rows with every view's features named {@code view_<v>__<feature>}.
 */
final class BaselineQueries {
  private static final String[] FEATURES = {"f_double", "f_float", "f_long"};

  private final BenchmarkData data;
  private final long ttlHours;

  BaselineQueries(BenchmarkData data) {
    this.data = data;
    this.ttlHours = BenchmarkData.TTL.toHours();
  }

  private String entities() {
    return "read_parquet(" + literal(data.entityFile.toString()) + ")";
  }

  private String source(int v) {
    return "read_parquet(" + stringList(data.viewFiles.get(v)) + ")";
  }

  /** (b) The engine's limit: chained ASOF LEFT JOINs, no dedup, no ttl. */
  String bareAsof() {
    List<String> select = new ArrayList<>(List.of("e.entity_id", "e.event_timestamp"));
    StringBuilder from = new StringBuilder(" FROM " + entities() + " e");
    for (int v = 0; v < data.views; v++) {
      for (String f : FEATURES) {
        select.add("s" + v + "." + f + " AS view_" + v + "__" + f);
      }
      from.append(" ASOF LEFT JOIN ").append(source(v)).append(" s").append(v);
      from.append(" ON e.entity_id = s").append(v).append(".entity_id AND e.event_timestamp >= s");
      from.append(v).append(".event_ts");
    }
    return "SELECT " + String.join(", ", select) + from;
  }

  /**
   * (c) The best Feast-exact SQL by hand: each source deduplicated on (key, ts) to the greatest
   * created, chained ASOF LEFT JOINs, then matches older than the ttl nulled out.
   */
  String feastExact() {
    StringBuilder with = new StringBuilder("WITH ");
    List<String> select = new ArrayList<>(List.of("e.entity_id", "e.event_timestamp"));
    StringBuilder from = new StringBuilder(" FROM " + entities() + " e");
    for (int v = 0; v < data.views; v++) {
      if (v > 0) {
        with.append(", ");
      }
      with.append("d").append(v).append(" AS (SELECT * FROM ").append(source(v));
      with.append(" QUALIFY row_number() OVER (PARTITION BY entity_id, event_ts");
      with.append(" ORDER BY created DESC) = 1)");
      for (String f : FEATURES) {
        select.add(
            "CASE WHEN s"
                + v
                + ".event_ts >= e.event_timestamp - INTERVAL "
                + ttlHours
                + " HOUR THEN s"
                + v
                + "."
                + f
                + " END AS view_"
                + v
                + "__"
                + f);
      }
      from.append(" ASOF LEFT JOIN d").append(v).append(" s").append(v);
      from.append(" ON e.entity_id = s").append(v).append(".entity_id AND e.event_timestamp >= s");
      from.append(v).append(".event_ts");
    }
    return with + " SELECT " + String.join(", ", select) + from;
  }

  /**
   * (d) Feast's own window point-in-time join: per view, an inner join on the key within the ttl,
   * ROW_NUMBER per entity row by (ts, created) descending, the first kept and joined back.
   */
  String feastWindow() {
    StringBuilder with =
        new StringBuilder("WITH e AS (SELECT row_number() OVER () AS row_id, * FROM ")
            .append(entities())
            .append(")");
    List<String> select = new ArrayList<>(List.of("e.entity_id", "e.event_timestamp"));
    StringBuilder from = new StringBuilder(" FROM e");
    for (int v = 0; v < data.views; v++) {
      with.append(", m").append(v).append(" AS (SELECT e.row_id");
      for (String f : FEATURES) {
        with.append(", s.").append(f);
      }
      with.append(" FROM e JOIN ").append(source(v)).append(" s ON e.entity_id = s.entity_id");
      with.append(" AND s.event_ts <= e.event_timestamp AND s.event_ts >= e.event_timestamp");
      with.append(" - INTERVAL ").append(ttlHours).append(" HOUR");
      with.append(" QUALIFY row_number() OVER (PARTITION BY e.row_id");
      with.append(" ORDER BY s.event_ts DESC, s.created DESC) = 1)");
      for (String f : FEATURES) {
        select.add("m" + v + "." + f + " AS view_" + v + "__" + f);
      }
      from.append(" LEFT JOIN m").append(v).append(" ON m").append(v).append(".row_id = e.row_id");
    }
    return with + " SELECT " + String.join(", ", select) + from;
  }
}
