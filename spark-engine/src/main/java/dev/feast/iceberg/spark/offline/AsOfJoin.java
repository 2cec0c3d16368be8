package dev.feast.iceberg.spark.offline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * The sort-based point-in-time join of one view: entity rows and feature rows in one relation,
 * partitioned by the join keys and sorted by time; each entity row takes the last feature row
 * before it. One shuffle and one sort per view, and no pair of rows is ever formed, where Feast's
 * Spark store joins every entity row with every feature row of its key within the ttl and ranks
 * them.
 *
 * <p>Feature rows are ordered by (event time, created time), so the last one before an entity row
 * is the one Feast's rules pick; an entity row sorts after feature rows of its own timestamp (a
 * feature row at exactly the entity time is visible). The feature row travels as one non-null
 * struct so that a null feature of the latest row stays null instead of falling back to an older
 * value, and its event time comes along to apply the ttl (inclusive) afterwards.
 */
final class AsOfJoin {
  private static final String KIND = "__kind";
  private static final String T = "__t";
  private static final String ENTITY = "__entity";
  private static final String MATCH = "__match";
  private static final String FEATURES = "__features";

  private AsOfJoin() {}

  /**
   * The entity rows ({@code payload} columns, in order) with the view's features appended.
   *
   * @param timestampColumn the entity timestamp column (a timestamp)
   */
  static Dataset<Row> join(
      Dataset<Row> entities,
      List<String> payload,
      String timestampColumn,
      ViewPlan view,
      List<org.apache.spark.sql.types.DataType> keyTypes) {
    int keys = view.entityKeys().size();
    List<Column> entitySide = new ArrayList<>();
    List<Column> featureSide = new ArrayList<>();
    for (int i = 0; i < keys; i++) {
      entitySide.add(
          col(SourceFrames.quote(view.entityKeys().get(i)))
              .cast(keyTypes.get(i))
              .as(SourceFrames.key(i)));
      featureSide.add(col(SourceFrames.key(i)));
    }
    entitySide.add(col(SourceFrames.quote(timestampColumn)).as(T));
    featureSide.add(col(SourceFrames.TS).as(T));
    entitySide.add(lit(1).as(KIND));
    featureSide.add(lit(0).as(KIND));
    entitySide.add(lit(null).cast(DataTypes.TimestampType).as(SourceFrames.CREATED));
    featureSide.add(
        view.hasCreated()
            ? col(SourceFrames.CREATED)
            : lit(null).cast(DataTypes.TimestampType).as(SourceFrames.CREATED));
    Column entityStruct = struct(EntityFrames.columns(payload));
    Column featureStruct = struct(featureFields(view));
    entitySide.add(entityStruct.as(ENTITY));
    featureSide.add(
        lit(null).cast(entities.select(entityStruct).schema().fields()[0].dataType()).as(ENTITY));
    Dataset<Row> source = view.source();
    Dataset<Row> featureRows = source.filter(notNull(keys));
    entitySide.add(
        lit(null)
            .cast(featureRows.select(featureStruct).schema().fields()[0].dataType())
            .as(FEATURES));
    featureSide.add(featureStruct.as(FEATURES));

    Dataset<Row> union =
        entities
            .select(entitySide.toArray(Column[]::new))
            .unionByName(featureRows.select(featureSide.toArray(Column[]::new)));
    WindowSpec window =
        partition(keys)
            .orderBy(
                col(T).asc_nulls_first(),
                col(KIND).asc(),
                col(SourceFrames.CREATED).asc_nulls_first())
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Dataset<Row> matched =
        union
            .withColumn(MATCH, last(col(FEATURES), true).over(window))
            .filter(col(KIND).equalTo(1));

    List<Column> out = new ArrayList<>();
    for (String column : payload) {
      out.add(col(ENTITY + "." + SourceFrames.quote(column)).as(column));
    }
    for (int j = 0; j < view.outputs().size(); j++) {
      Column value = col(MATCH + "." + SourceFrames.feature(j));
      if (view.ttlMicros() > 0) {
        value = when(withinTtl(view.ttlMicros()), value);
      }
      out.add(value.as(view.outputs().get(j)));
    }
    return matched.select(out.toArray(Column[]::new));
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
  private static Column withinTtl(long ttlMicros) {
    return org.apache
        .spark
        .sql
        .functions
        .unix_micros(col(MATCH + "." + SourceFrames.TS))
        .geq(org.apache.spark.sql.functions.unix_micros(col(T)).minus(ttlMicros));
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
