package dev.feast.iceberg.spark.offline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import dev.feast.iceberg.offline.OfflineRules;
import dev.feast.iceberg.offline.scan.SourceColumns;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * The implied entity rows of a date-range retrieval: one per distinct join key combination with a
 * source row of any view in {@code [start, end]}, each at {@code end}, in key order.
 */
final class DateRangeFrames {
  private static final String ANY = "__feast_any";

  private DateRangeFrames() {}

  static Entities entities(
      SparkSession spark,
      Catalog catalog,
      String sparkCatalog,
      List<ViewSelection> views,
      Instant start,
      Instant end) {
    List<Field> columns = OfflineRules.dateRangeEntityColumns(views);
    List<Field> keys = columns.subList(0, columns.size() - 1);
    Dataset<Row> union = null;
    for (ViewSelection selection : views) {
      List<String> viewKeys =
          selection.view().joinKeys().stream().map(selection::entityColumn).toList();
      if (!keys.isEmpty() && viewKeys.isEmpty()) {
        continue; // entity-less views add no key combination when others have keys
      }
      SourceColumns source = SourceColumns.of(selection.view(), List.of());
      Dataset<Row> rows =
          SourceFrames.read(spark, catalog, sparkCatalog, selection.view(), source)
              .filter(
                  col(SourceFrames.TS)
                      .between(lit(Timestamp.from(start)), lit(Timestamp.from(end))));
      List<Column> select = new ArrayList<>();
      for (Field key : keys) {
        int i = viewKeys.indexOf(key.name());
        select.add(col(SourceFrames.key(i)).cast(SparkTypes.sparkType(key.type())).as(key.name()));
      }
      select.add(lit(1).as(ANY));
      Dataset<Row> projected = rows.select(select.toArray(Column[]::new));
      union = union == null ? projected : union.unionByName(projected);
    }
    List<String> keyNames = keys.stream().map(Field::name).toList();
    Dataset<Row> distinct =
        (keyNames.isEmpty() ? union.select(ANY) : union.select(EntityFrames.columns(keyNames)))
            .distinct();
    if (!keyNames.isEmpty()) {
      distinct = distinct.orderBy(EntityFrames.columns(keyNames));
    }
    Dataset<Row> frame =
        distinct
            .withColumn(
                OfflineStore.EVENT_TIMESTAMP,
                lit(Timestamp.from(end)).cast(DataTypes.TimestampType))
            .withColumn(Entities.ROW, monotonically_increasing_id())
            .drop(ANY);
    return new Entities(frame, columns, OfflineStore.EVENT_TIMESTAMP, end, end, false);
  }
}
