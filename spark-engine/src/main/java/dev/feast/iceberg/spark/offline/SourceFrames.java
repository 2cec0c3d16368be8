package dev.feast.iceberg.spark.offline;

import static org.apache.spark.sql.functions.col;

import dev.feast.iceberg.offline.scan.SourceColumns;
import dev.feast.iceberg.offline.scan.SourceTables;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * A view's source table read by Spark with its columns under fixed names: {@code __k<i>} the join
 * keys and {@code __f<j>} the features (cast to the view's types), {@code __ts} the event time and
 * {@code __created} the created time (when the source has one).
 */
final class SourceFrames {
  static final String TS = "__ts";
  static final String CREATED = "__created";

  private SourceFrames() {}

  static String key(int i) {
    return "__k" + i;
  }

  static String feature(int j) {
    return "__f" + j;
  }

  /**
   * The source of a view, checked first through the Java catalog so a missing table or column fails
   * naming the view, and read by Spark from the same catalog.
   */
  static Dataset<Row> read(
      SparkSession spark,
      Catalog catalog,
      String sparkCatalog,
      FeatureView view,
      SourceColumns columns) {
    Table table = SourceTables.load(catalog, view);
    SourceTables.checkColumns(table, view, columns);
    Dataset<Row> frame =
        spark.read().table(sparkName(sparkCatalog, SourceTables.source(view).identifier()));
    List<Column> select = new ArrayList<>();
    for (int i = 0; i < columns.keys().size(); i++) {
      SourceColumns.Column key = columns.keys().get(i);
      select.add(col(quote(key.source())).cast(SparkTypes.sparkType(key.type())).as(key(i)));
    }
    for (int j = 0; j < columns.features().size(); j++) {
      SourceColumns.Column feature = columns.features().get(j);
      select.add(
          col(quote(feature.source())).cast(SparkTypes.sparkType(feature.type())).as(feature(j)));
    }
    select.add(col(quote(columns.timestamp())).cast(DataTypes.TimestampType).as(TS));
    if (columns.hasCreated()) {
      select.add(col(quote(columns.created())).cast(DataTypes.TimestampType).as(CREATED));
    }
    return frame.select(select.toArray(Column[]::new));
  }

  /** The source columns of these features of a view. */
  static SourceColumns columns(FeatureView view, List<Field> features) {
    return SourceColumns.of(view, features);
  }

  /** {@code `catalog`.`namespace`.`table`}, as Spark parses a multi-part name. */
  static String sparkName(String sparkCatalog, TableIdentifier table) {
    StringBuilder name = new StringBuilder(quote(sparkCatalog));
    for (String level : table.namespace().levels()) {
      name.append('.').append(quote(level));
    }
    return name.append('.').append(quote(table.name())).toString();
  }

  static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
