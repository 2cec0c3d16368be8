package dev.feast.iceberg.spark.offline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import dev.feast.iceberg.offline.OfflineRules;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.InvalidEntityRowsException;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import dev.feast.iceberg.spi.offline.EntitySource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Turns an {@link EntitySource} into {@link Entities}. In-memory rows become a local relation;
 * files, Iceberg tables and Spark queries stay distributed, numbered by partition and position (the
 * order Spark reads them in).
 */
final class EntityFrames {
  private EntityFrames() {}

  static Entities load(
      SparkSession spark, EntitySource source, Catalog catalog, String sparkCatalog) {
    if (source instanceof EntitySource.Rows rows) {
      return fromRows(spark, rows.rows());
    }
    Dataset<Row> frame;
    String what;
    if (source instanceof EntitySource.ParquetFile file) {
      what = "entity file " + file.path();
      requireFile(file.path());
      frame = spark.read().parquet(file.path().toString());
    } else if (source instanceof EntitySource.CsvFile file) {
      what = "entity file " + file.path();
      requireFile(file.path());
      frame =
          spark
              .read()
              .option("header", "true")
              .option("inferSchema", "true")
              .csv(file.path().toString());
    } else {
      EntitySource.IcebergTable table = (EntitySource.IcebergTable) source;
      what = "entity table " + table.table();
      if (!catalog.tableExists(table.table())) {
        throw new UnknownDefinitionException(
            "Entity table '"
                + table.table()
                + "' does not exist in catalog '"
                + catalog.name()
                + "'; persist a result or write the table first");
      }
      frame = spark.read().table(SourceFrames.sparkName(sparkCatalog, table.table()));
    }
    return fromFrame(frame, what);
  }

  /** Entity rows from a frame the caller built (a Spark SQL query, a table, a file). */
  static Entities fromFrame(Dataset<Row> frame, String what) {
    List<Field> fields = new ArrayList<>();
    for (StructField field : frame.schema().fields()) {
      fields.add(
          Field.of(field.name(), SparkTypes.valueType(what, field.name(), field.dataType())));
    }
    String ts = OfflineRules.entityTimestampColumn(fields);
    Dataset<Row> numbered =
        frame
            .withColumn(ts, col(SourceFrames.quote(ts)).cast(DataTypes.TimestampType))
            .withColumn(Entities.ROW, monotonically_increasing_id());
    Row range = numbered.agg(min(SourceFrames.quote(ts)), max(SourceFrames.quote(ts))).first();
    return new Entities(
        numbered, fields, ts, instantOrNull(range.get(0)), instantOrNull(range.get(1)), false);
  }

  private static Entities fromRows(SparkSession spark, RowSet rows) {
    String ts = OfflineRules.entityTimestampColumn(rows.columns());
    List<Field> fields = new ArrayList<>(rows.columns());
    List<StructField> schema = new ArrayList<>(List.of(SparkTypes.schema(fields).fields()));
    schema.add(DataTypes.createStructField(Entities.ROW, DataTypes.LongType, false));
    int tsIndex = rows.indexOf(ts);
    Instant min = null;
    Instant max = null;
    List<Row> out = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      List<Object> row = rows.rows().get(r);
      Object[] values = new Object[fields.size() + 1];
      for (int c = 0; c < fields.size(); c++) {
        values[c] = convert(row.get(c), fields.get(c), r);
      }
      values[fields.size()] = (long) r;
      Object t = row.get(tsIndex);
      if (t != null) {
        Instant instant = SparkTypes.instant(t);
        min = min == null || instant.isBefore(min) ? instant : min;
        max = max == null || instant.isAfter(max) ? instant : max;
      }
      out.add(RowFactory.create(values));
    }
    Dataset<Row> frame =
        spark.createDataFrame(out, new StructType(schema.toArray(StructField[]::new)));
    return new Entities(frame, fields, ts, min, max, true);
  }

  private static Object convert(Object value, Field field, int row) {
    try {
      return SparkTypes.toSpark(value, field.type());
    } catch (RuntimeException e) {
      throw new InvalidEntityRowsException(
          "Entity row " + row + ", column '" + field.name() + "': " + e.getMessage());
    }
  }

  private static Instant instantOrNull(Object value) {
    return value == null ? null : SparkTypes.instant(value);
  }

  private static void requireFile(java.nio.file.Path path) {
    if (!java.nio.file.Files.exists(path)) {
      throw new InvalidEntityRowsException(
          "Entity file " + path + " does not exist; check the path");
    }
  }

  static Column[] columns(List<String> names) {
    return names.stream().map(n -> col(SourceFrames.quote(n))).toArray(Column[]::new);
  }
}
