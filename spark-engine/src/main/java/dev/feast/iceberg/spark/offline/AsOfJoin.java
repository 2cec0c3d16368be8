package dev.feast.iceberg.spark.offline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The sort-based point-in-time join of the views that share join keys: the entity rows and every
 * such view's feature rows in one relation, partitioned by the join keys and sorted by time; each
 * entity row takes, per view, the last feature row of that view before it. One shuffle and one sort
 * for all of them, and no pair of rows is ever formed, where Feast's Spark store joins every entity
 * row with every feature row of its key within the ttl and ranks them, view by view.
 *
 * <p>Feature rows are ordered by (event time, created time), so the last one of a view before an
 * entity row is the one Feast's rules pick; an entity row sorts after feature rows of its own
 * timestamp (a feature row at exactly the entity time is visible). A view's feature row travels as
 * one non-null struct in a column of that view's own (null on every other row), so that a null
 * feature of the latest row stays null instead of falling back to an older value, rows of other
 * views are skipped, and the row's event time comes along to apply the view's ttl (inclusive)
 * afterwards.
 */
final class AsOfJoin {
  private static final String KIND = "__kind";
  private static final String T = "__t";
  private static final String ENTITY = "__entity";
  private static final String MATCH = "__match";
  private static final String FEATURES = "__features";

  private AsOfJoin() {}

  /**
   * The entity rows ({@code payload} columns, in order) with the features of {@code views}
   * appended.
   *
   * @param timestampColumn the entity timestamp column (a timestamp)
   * @param views views whose join keys are the same entity columns, of the same types
   * @param keyTypes the Spark type of each join key
   */
  static Dataset<Row> join(
      Dataset<Row> entities,
      List<String> payload,
      String timestampColumn,
      List<ViewPlan> views,
      List<DataType> keyTypes) {
    int keys = keyTypes.size();
    List<String> entityKeys = views.get(0).entityKeys();
    List<Dataset<Row>> featureRows = new ArrayList<>();
    List<DataType> featureTypes = new ArrayList<>();
    for (ViewPlan view : views) {
      Dataset<Row> rows = view.source().filter(notNull(keys));
      featureRows.add(rows);
      featureTypes.add(typeOf(rows, struct(featureFields(view))));
    }
    Column entityStruct = struct(EntityFrames.columns(payload));

    List<Column> entitySide = new ArrayList<>();
    for (int i = 0; i < keys; i++) {
      entitySide.add(
          col(SourceFrames.quote(entityKeys.get(i))).cast(keyTypes.get(i)).as(SourceFrames.key(i)));
    }
    entitySide.add(col(SourceFrames.quote(timestampColumn)).as(T));
    entitySide.add(lit(1).as(KIND));
    entitySide.add(lit(null).cast(DataTypes.TimestampType).as(SourceFrames.CREATED));
    entitySide.add(entityStruct.as(ENTITY));
    for (int v = 0; v < views.size(); v++) {
      entitySide.add(lit(null).cast(featureTypes.get(v)).as(FEATURES + v));
    }
    Dataset<Row> union = entities.select(entitySide.toArray(Column[]::new));
    DataType entityType = typeOf(entities, entityStruct);
    for (int v = 0; v < views.size(); v++) {
      union = union.union(featureSide(views, v, featureRows.get(v), featureTypes, entityType));
    }

    WindowSpec window =
        partition(keys)
            .orderBy(
                col(T).asc_nulls_first(),
                col(KIND).asc(),
                col(SourceFrames.CREATED).asc_nulls_first())
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    List<Column> matches = new ArrayList<>(List.of(col(T), col(KIND), col(ENTITY)));
    for (int v = 0; v < views.size(); v++) {
      matches.add(last(col(FEATURES + v), true).over(window).as(MATCH + v));
    }
    Dataset<Row> matched =
        union.select(matches.toArray(Column[]::new)).filter(col(KIND).equalTo(1));

    List<Column> out = new ArrayList<>();
    for (String column : payload) {
      out.add(col(ENTITY + "." + SourceFrames.quote(column)).as(column));
    }
    for (int v = 0; v < views.size(); v++) {
      ViewPlan view = views.get(v);
      for (int j = 0; j < view.outputs().size(); j++) {
        Column value = col(MATCH + v + "." + SourceFrames.feature(j));
        if (view.ttlMicros() > 0) {
          value = when(withinTtl(MATCH + v, view.ttlMicros()), value);
        }
        out.add(value.as(view.outputs().get(j)));
      }
    }
    return matched.select(out.toArray(Column[]::new));
  }

  /** View {@code v}'s feature rows in the union's columns, in its order. */
  private static Dataset<Row> featureSide(
      List<ViewPlan> views,
      int v,
      Dataset<Row> rows,
      List<DataType> featureTypes,
      DataType entityType) {
    List<Column> side = new ArrayList<>();
    for (int i = 0; i < views.get(v).entityKeys().size(); i++) {
      side.add(col(SourceFrames.key(i)));
    }
    side.add(col(SourceFrames.TS).as(T));
    side.add(lit(0).as(KIND));
    side.add(
        views.get(v).hasCreated()
            ? col(SourceFrames.CREATED)
            : lit(null).cast(DataTypes.TimestampType).as(SourceFrames.CREATED));
    side.add(lit(null).cast(entityType).as(ENTITY));
    for (int u = 0; u < views.size(); u++) {
      side.add(
          u == v
              ? struct(featureFields(views.get(u))).as(FEATURES + u)
              : lit(null).cast(featureTypes.get(u)).as(FEATURES + u));
    }
    return rows.select(side.toArray(Column[]::new));
  }

  private static DataType typeOf(Dataset<Row> frame, Column column) {
    return frame.select(column).schema().fields()[0].dataType();
  }

  private static Column[] featureFields(ViewPlan view) {
    List<Column> fields = new ArrayList<>();
    fields.add(col(SourceFrames.TS));
    for (int j = 0; j < view.outputs().size(); j++) {
      fields.add(col(SourceFrames.feature(j)));
    }
    return fields.toArray(Column[]::new);
  }

  /** Source rows without a key never match any entity row. */
  static Column notNull(int keys) {
    Column condition = col(SourceFrames.TS).isNotNull();
    for (int i = 0; i < keys; i++) {
      condition = condition.and(col(SourceFrames.key(i)).isNotNull());
    }
    return condition;
  }

  /** The matched row's event time is at most ttl before the entity row's (inclusive). */
  private static Column withinTtl(String match, long ttlMicros) {
    return unix_micros(col(match + "." + SourceFrames.TS))
        .geq(unix_micros(col(T)).minus(ttlMicros));
  }

  private static WindowSpec partition(int keys) {
    if (keys == 0) {
      // An entity-less view joins on time alone: one partition holds every row.
      return Window.partitionBy(lit(0));
    }
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < keys; i++) {
      columns.add(col(SourceFrames.key(i)));
    }
    return Window.partitionBy(columns.toArray(Column[]::new));
  }
}
