package dev.feast.iceberg.spark.materialize;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import dev.feast.iceberg.spi.DataSource;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * The latest source row per entity key with event time in {@code [start, end]} (greatest event
 * time, then greatest created time, a missing created time the least), as Feast's {@code
 * pull_latest_from_table_or_query}, with columns named by position: {@code __k0..}, {@code __f0..},
 * {@code __ts}, {@code __created} (null when the source has none).
 */
final class LatestRows {
  static final String TS = "__ts";
  static final String CREATED = "__created";

  private LatestRows() {}

  static String key(int i) {
    return "__k" + i;
  }

  static String feature(int j) {
    return "__f" + j;
  }

  static Dataset<Row> of(
      SparkSession spark, String table, FeatureView view, Instant start, Instant end) {
    DataSource source = view.source();
    List<Column> select = new ArrayList<>();
    List<Column> keys = new ArrayList<>();
    for (int i = 0; i < view.entityColumns().size(); i++) {
      Field key = view.entityColumns().get(i);
      select.add(col(quote(source.sourceColumn(key.name()))).as(key(i)));
      keys.add(col(key(i)));
    }
    for (int j = 0; j < view.features().size(); j++) {
      select.add(col(quote(source.sourceColumn(view.features().get(j).name()))).as(feature(j)));
    }
    select.add(col(quote(source.timestampField())).as(TS));
    select.add(
        source.hasCreatedTimestamp()
            ? col(quote(source.createdTimestampColumn())).as(CREATED)
            : lit(null).cast("timestamp").as(CREATED));
    keys.add(lit(0)); // an entity-less view has one latest row
    return spark
        .table(table)
        .select(select.toArray(Column[]::new))
        .filter(col(TS).between(lit(Timestamp.from(start)), lit(Timestamp.from(end))))
        .withColumn(
            "__rank",
            row_number()
                .over(
                    Window.partitionBy(keys.toArray(Column[]::new))
                        .orderBy(col(TS).desc(), col(CREATED).desc_nulls_last())))
        .filter(col("__rank").equalTo(1))
        .drop("__rank");
  }

  /** A column name as Spark reads it literally (dots and backticks included). */
  static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
