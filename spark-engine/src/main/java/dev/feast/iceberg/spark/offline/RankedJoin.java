package dev.feast.iceberg.spark.offline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.unix_micros;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataType;

/**
 * The join of a view under {@code filter_by_created_timestamp}: a feature row must also be created
 * at or before the entity row, so the rows an entity row may see are no prefix of any one sort
 * order and {@link AsOfJoin} does not apply. Each entity row is joined with its key's candidates
 * and the latest (event time, then created time) is kept. Only views with a created timestamp take
 * this path.
 */
final class RankedJoin {
  private static final String RANK = "__rank";

  private RankedJoin() {}

  static Dataset<Row> join(
      Dataset<Row> entities,
      List<String> payload,
      String timestampColumn,
      ViewPlan view,
      List<DataType> keyTypes) {
    int keys = view.entityKeys().size();
    Dataset<Row> source = view.source().filter(AsOfJoin.notNull(keys)).alias("s");
    Dataset<Row> e = entities.alias("e");
    Column t = col("e." + SourceFrames.quote(timestampColumn));
    Column ts = col("s." + SourceFrames.TS);
    Column created = col("s." + SourceFrames.CREATED);
    Column on = ts.leq(t).and(created.leq(t));
    for (int i = 0; i < keys; i++) {
      on =
          on.and(
              col("e." + SourceFrames.quote(view.entityKeys().get(i)))
                  .cast(keyTypes.get(i))
                  .equalTo(col("s." + SourceFrames.key(i))));
    }
    if (view.ttlMicros() > 0) {
      on = on.and(unix_micros(ts).geq(unix_micros(t).minus(view.ttlMicros())));
    }
    Dataset<Row> ranked =
        e.join(source, on, "left")
            .withColumn(
                RANK,
                row_number()
                    .over(
                        Window.partitionBy(col("e." + Entities.ROW))
                            .orderBy(ts.desc_nulls_last(), created.desc_nulls_last())))
            .filter(col(RANK).equalTo(1));
    List<Column> out = new ArrayList<>();
    for (String column : payload) {
      out.add(col("e." + SourceFrames.quote(column)).as(column));
    }
    for (int j = 0; j < view.outputs().size(); j++) {
      out.add(col("s." + SourceFrames.feature(j)).as(view.outputs().get(j)));
    }
    return ranked.select(out.toArray(Column[]::new));
  }
}
