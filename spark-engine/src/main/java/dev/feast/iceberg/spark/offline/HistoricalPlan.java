package dev.feast.iceberg.spark.offline;

import static org.apache.spark.sql.functions.col;

import dev.feast.iceberg.common.Micros;
import dev.feast.iceberg.offline.OfflineRules;
import dev.feast.iceberg.offline.scan.SourceColumns;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;

/**
 * A point-in-time retrieval as one Spark plan: the entity rows, then each view joined in turn (each
 * join carries the entity rows and the features so far), nothing run until an output is asked for.
 */
final class HistoricalPlan {
  private HistoricalPlan() {}

  /** The result: the entity columns, then the features, plus {@link Entities#ROW}. */
  static SparkResult build(
      SparkSession spark,
      Catalog catalog,
      String sparkCatalog,
      Entities entities,
      List<ViewSelection> views,
      boolean fullFeatureNames,
      boolean filterByCreated,
      boolean pruning) {
    OfflineRules.checkEntityColumns(views, fullFeatureNames, entities.names());
    OfflineRules.checkEntityTypes(views, entities.fields());
    List<Field> columns = new ArrayList<>(entities.fields());
    List<String> payload = new ArrayList<>(entities.names());
    payload.add(Entities.ROW);
    Dataset<Row> frame = entities.frame();
    for (ViewSelection selection : views) {
      FeatureView view = selection.view();
      SourceColumns source = SourceColumns.of(view, selection.features());
      Dataset<Row> rows = SourceFrames.read(spark, catalog, sparkCatalog, view, source);
      long ttl = view.hasTtl() ? Micros.of(view.ttl()) : 0;
      if (pruning) {
        rows = prune(rows, entities, ttl);
      }
      List<String> outputs = new ArrayList<>();
      for (Field feature : selection.features()) {
        String output = selection.outputColumn(feature.name(), fullFeatureNames);
        outputs.add(output);
        columns.add(Field.of(output, feature.type()));
      }
      List<String> entityKeys = view.joinKeys().stream().map(selection::entityColumn).toList();
      List<DataType> keyTypes = new ArrayList<>();
      for (SourceColumns.Column key : source.keys()) {
        keyTypes.add(SparkTypes.sparkType(key.type()));
      }
      ViewPlan plan = new ViewPlan(rows, entityKeys, outputs, ttl, source.hasCreated());
      frame =
          filterByCreated && source.hasCreated()
              ? RankedJoin.join(frame, payload, entities.timestampColumn(), plan, keyTypes)
              : AsOfJoin.join(frame, payload, entities.timestampColumn(), plan, keyTypes);
      payload.addAll(outputs);
    }
    List<Column> select = new ArrayList<>();
    for (Field field : columns) {
      select.add(col(SourceFrames.quote(field.name())));
    }
    select.add(col(Entities.ROW));
    return new SparkResult(
        frame.select(select.toArray(Column[]::new)), columns, Entities.ROW, entities.inMemory());
  }

  /** Only feature rows in {@code [min(t) - ttl, max(t)]} can be picked; Iceberg skips the rest. */
  private static Dataset<Row> prune(Dataset<Row> rows, Entities entities, long ttlMicros) {
    if (entities.max() == null) {
      return rows.limit(0);
    }
    Column ts = col(SourceFrames.TS);
    Column keep =
        ts.leq(org.apache.spark.sql.functions.lit(java.sql.Timestamp.from(entities.max())));
    if (ttlMicros > 0) {
      keep =
          keep.and(
              ts.geq(
                  org.apache.spark.sql.functions.lit(
                      java.sql.Timestamp.from(
                          entities.min().minus(Duration.ofNanos(ttlMicros * 1000))))));
    }
    return rows.filter(keep);
  }
}
