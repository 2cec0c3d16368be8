package dev.feast.iceberg.offline.sql;

import static dev.feast.iceberg.common.Sql.id;

import dev.feast.iceberg.common.TypeMapping;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the point-in-time join of DESIGN §3. Per view: an {@code ASOF LEFT JOIN} on the keys and
 * the event time (inclusive), and the ttl applied after the join because an ASOF join takes a
 * single inequality. Each view's matches are joined back to the entity rows by row number, so
 * output rows follow input rows one to one, in order.
 *
 * <p>An ASOF join returns any one of several rows with equal event timestamps, so sources with a
 * created timestamp are not joined on the event timestamp but on an {@link OrderKey}, one number
 * ordered by (event timestamp, created timestamp). The greatest such number at or below the entity
 * row's is the row Feast's rules pick, so no separate pass deduplicating (keys, event timestamp) is
 * needed.
 */
public final class PointInTimeQuery {
  private static final String T = "__feast_t";

  private PointInTimeQuery() {}

  /**
   * The query.
   *
   * @param filterByCreated also require created {@code <= t}; such a candidate set is not a prefix
   *     in event time, so those views use a range join ranked per entity row instead
   */
  public static String sql(EntityRelation entities, List<ViewJoin> views, boolean filterByCreated) {
    StringBuilder sql = new StringBuilder("WITH ");
    for (int v = 0; v < views.size(); v++) {
      ViewJoin view = views.get(v);
      if (v > 0) {
        sql.append(",\n");
      }
      sql.append(id(source(v))).append(" AS (");
      if (view.order() != null && !(filterByCreated && view.columns().hasCreated())) {
        // The order key is computed over the relation, next to the columns it reads.
        sql.append("SELECT *, ");
        sql.append(view.order().source(id(SourceRelation.TS), id(SourceRelation.CREATED)));
        sql.append(" AS ").append(OrderKey.column()).append(" FROM (").append(view.source());
        sql.append(") r");
      } else {
        sql.append(view.source());
      }
      sql.append("),\n");
      sql.append(id(match(v))).append(" AS (");
      if (filterByCreated && view.columns().hasCreated()) {
        sql.append(rankedMatch(entities, view, v));
      } else {
        sql.append(asofMatch(entities, view, v));
      }
      sql.append(")");
    }
    List<String> select = new ArrayList<>();
    for (String column : entities.columns()) {
      select.add("e." + id(column));
    }
    for (int v = 0; v < views.size(); v++) {
      ViewJoin view = views.get(v);
      for (int j = 0; j < view.outputs().size(); j++) {
        select.add(
            "m" + v + "." + id(SourceRelation.feature(j)) + " AS " + id(view.outputs().get(j)));
      }
    }
    sql.append("\nSELECT ").append(String.join(", ", select));
    sql.append("\nFROM ").append(id(entities.table())).append(" e");
    for (int v = 0; v < views.size(); v++) {
      sql.append("\nLEFT JOIN ").append(id(match(v))).append(" m").append(v);
      sql.append(" ON m").append(v).append(".").append(id(entities.rowColumn()));
      sql.append(" = e.").append(id(entities.rowColumn()));
    }
    sql.append("\nORDER BY e.").append(id(entities.rowColumn()));
    return sql.toString();
  }

  private static String source(int v) {
    return "__feast_source_" + v;
  }

  private static String match(int v) {
    return "__feast_match_" + v;
  }

  /** The entity rows with their keys cast to the view's key types. */
  private static String entityKeys(EntityRelation entities, ViewJoin view) {
    StringBuilder sql = new StringBuilder("(SELECT ").append(id(entities.rowColumn()));
    for (int i = 0; i < view.entityKeys().size(); i++) {
      String type = TypeMapping.duckDbType(view.columns().keys().get(i).type());
      sql.append(", CAST(").append(id(view.entityKeys().get(i))).append(" AS ").append(type);
      sql.append(") AS ").append(id(SourceRelation.key(i)));
    }
    sql.append(", ").append(id(entities.timestampColumn())).append(" AS ").append(id(T));
    return sql.append(" FROM ").append(id(entities.table())).append(") e").toString();
  }

  private static String keysEqual(ViewJoin view) {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < view.entityKeys().size(); i++) {
      String key = id(SourceRelation.key(i));
      sql.append("e.").append(key).append(" = s.").append(key).append(" AND ");
    }
    return sql.toString();
  }

  private static String withinTtl(ViewJoin view) {
    return "epoch_us(s."
        + id(SourceRelation.TS)
        + ") >= epoch_us(e."
        + id(T)
        + ") - "
        + view.ttlMicros();
  }

  private static String asofMatch(EntityRelation entities, ViewJoin view, int v) {
    StringBuilder sql = new StringBuilder("SELECT e.").append(id(entities.rowColumn()));
    for (int j = 0; j < view.outputs().size(); j++) {
      String feature = id(SourceRelation.feature(j));
      if (view.ttlMicros() > 0) {
        sql.append(", CASE WHEN ").append(withinTtl(view)).append(" THEN s.").append(feature);
        sql.append(" END AS ").append(feature);
      } else {
        sql.append(", s.").append(feature);
      }
    }
    sql.append(" FROM ").append(entityKeys(entities, view)).append(" ASOF LEFT JOIN ");
    sql.append(id(source(v))).append(" s ON ").append(keysEqual(view));
    if (view.order() != null) {
      sql.append(view.order().entity("e." + id(T))).append(" >= s.").append(OrderKey.column());
    } else {
      sql.append("e.").append(id(T)).append(" >= s.").append(id(SourceRelation.TS));
    }
    return sql.toString();
  }

  private static String rankedMatch(EntityRelation entities, ViewJoin view, int v) {
    String ts = "s." + id(SourceRelation.TS);
    String created = "s." + id(SourceRelation.CREATED);
    StringBuilder sql = new StringBuilder("SELECT e.").append(id(entities.rowColumn()));
    for (int j = 0; j < view.outputs().size(); j++) {
      sql.append(", s.").append(id(SourceRelation.feature(j)));
    }
    sql.append(" FROM ").append(entityKeys(entities, view)).append(" LEFT JOIN ");
    sql.append(id(source(v))).append(" s ON ").append(keysEqual(view));
    sql.append(ts).append(" <= e.").append(id(T)).append(" AND ").append(created);
    sql.append(" <= e.").append(id(T));
    if (view.ttlMicros() > 0) {
      sql.append(" AND ").append(withinTtl(view));
    }
    sql.append(" QUALIFY row_number() OVER (PARTITION BY e.").append(id(entities.rowColumn()));
    sql.append(" ORDER BY ").append(ts).append(" DESC NULLS LAST, ").append(created);
    sql.append(" DESC NULLS LAST) = 1");
    return sql.toString();
  }
}
