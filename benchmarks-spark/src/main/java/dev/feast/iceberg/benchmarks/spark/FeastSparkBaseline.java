package dev.feast.iceberg.benchmarks.spark;

import dev.feast.iceberg.benchmarks.offline.BenchmarkData;
import dev.feast.iceberg.spi.FeatureView;
import java.util.ArrayList;
import java.util.List;

/**
 * Feast's Spark offline store approach written by hand in Spark SQL (its point-in-time join
 * template): per view, every entity row joined with every feature row of its key within the ttl (a
 * range join), ranked with {@code row_number()} by event time then created time, the first kept,
 * and joined back to the entity rows by a row id.
 */
final class FeastSparkBaseline {
  private FeastSparkBaseline() {}

  /**
   * The query over temporary views {@code entity_df} (entity rows with {@code entity_row_id}) and
   * {@code <catalog>.bench.view_<v>}.
   */
  static String sql(BenchmarkData data, String catalog) {
    long ttlSeconds = BenchmarkData.TTL.toSeconds();
    StringBuilder sql = new StringBuilder("WITH ");
    List<String> joins = new ArrayList<>();
    List<String> select = new ArrayList<>(List.of("e.entity_id", "e.event_timestamp"));
    for (int v = 0; v < data.featureViews.size(); v++) {
      FeatureView view = data.featureViews.get(v);
      String name = view.name();
      if (v > 0) {
        sql.append(",\n");
      }
      sql.append(name)
          .append("__base AS (SELECT e.entity_row_id, s.event_ts, s.created,")
          .append(" s.f_double, s.f_float, s.f_long FROM entity_df e JOIN `")
          .append(catalog)
          .append("`.bench.")
          .append(name)
          .append(" s ON s.entity_id = e.entity_id")
          .append(" AND s.event_ts <= e.event_timestamp")
          .append(" AND s.event_ts >= e.event_timestamp - INTERVAL ")
          .append(ttlSeconds)
          .append(" SECONDS),\n");
      sql.append(name)
          .append("__latest AS (SELECT * FROM (SELECT *, row_number() OVER")
          .append(" (PARTITION BY entity_row_id ORDER BY event_ts DESC, created DESC) AS rn")
          .append(" FROM ")
          .append(name)
          .append("__base) WHERE rn = 1)");
      joins.add(
          "LEFT JOIN "
              + name
              + "__latest l"
              + v
              + " ON l"
              + v
              + ".entity_row_id = e.entity_row_id");
      for (String feature : List.of("f_double", "f_float", "f_long")) {
        select.add("l" + v + "." + feature + " AS " + name + "__" + feature);
      }
    }
    sql.append("\nSELECT ")
        .append(String.join(", ", select))
        .append("\nFROM entity_df e\n")
        .append(String.join("\n", joins));
    return sql.toString();
  }
}
