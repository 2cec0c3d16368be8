package dev.feast.iceberg.spark.offline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import dev.feast.iceberg.offline.scan.SourceColumns;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.InvalidRequestException;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.OfflineStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * The reads materialization makes: every source row with event time in {@code [start, end]}, or the
 * latest per key (greatest event time, then greatest created time).
 */
final class PullFrames {
  private PullFrames() {}

  static SparkResult pull(
      SparkSession spark,
      Catalog catalog,
      String sparkCatalog,
      FeatureView view,
      Instant start,
      Instant end,
      boolean latest) {
    if (end.isBefore(start)) {
      throw new InvalidRequestException(
          "Pull range ends (" + end + ") before it starts (" + start + ")");
    }
    SourceColumns source = SourceColumns.of(view, view.features());
    Dataset<Row> rows =
        SourceFrames.read(spark, catalog, sparkCatalog, view, source)
            .filter(
                col(SourceFrames.TS).between(lit(Timestamp.from(start)), lit(Timestamp.from(end))));
    if (latest) {
      List<Column> keys = new ArrayList<>();
      for (int i = 0; i < source.keys().size(); i++) {
        keys.add(col(SourceFrames.key(i)));
      }
      keys.add(lit(0)); // an entity-less view has one latest row
      Column created =
          source.hasCreated() ? col(SourceFrames.CREATED).desc_nulls_last() : lit(0).asc();
      rows =
          rows.withColumn(
                  "__rank",
                  row_number()
                      .over(
                          Window.partitionBy(keys.toArray(Column[]::new))
                              .orderBy(col(SourceFrames.TS).desc(), created)))
              .filter(col("__rank").equalTo(1));
    }
    List<Field> columns = new ArrayList<>();
    List<Column> select = new ArrayList<>();
    for (int i = 0; i < source.keys().size(); i++) {
      columns.add(view.entityColumns().get(i));
      select.add(col(SourceFrames.key(i)).as(view.entityColumns().get(i).name()));
    }
    for (int j = 0; j < source.features().size(); j++) {
      columns.add(view.features().get(j));
      select.add(col(SourceFrames.feature(j)).as(view.features().get(j).name()));
    }
    columns.add(Field.of(OfflineStore.EVENT_TIMESTAMP, ValueType.UNIX_TIMESTAMP));
    select.add(col(SourceFrames.TS).as(OfflineStore.EVENT_TIMESTAMP));
    if (source.hasCreated()) {
      columns.add(Field.of(OfflineStore.CREATED_TIMESTAMP, ValueType.UNIX_TIMESTAMP));
      select.add(col(SourceFrames.CREATED).as(OfflineStore.CREATED_TIMESTAMP));
    }
    return new SparkResult(rows.select(select.toArray(Column[]::new)), columns, null, false);
  }
}
