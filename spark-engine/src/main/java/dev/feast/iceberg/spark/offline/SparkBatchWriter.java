package dev.feast.iceberg.spark.offline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.feast.iceberg.common.TypeMapping;
import dev.feast.iceberg.offline.OfflineRules;
import dev.feast.iceberg.spi.ExternalSystemException;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.offline.WriteListener;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.types.Types;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * {@code write_batch} from Spark: the batch is checked whole first, with the DuckDB store's rules
 * (view columns and types, required values, every value of its type), then appended by Spark in one
 * Iceberg commit. A bad row therefore writes nothing, and a failed Spark job commits nothing.
 */
final class SparkBatchWriter {
  private SparkBatchWriter() {}

  static void write(
      SparkSession spark,
      Catalog catalog,
      String sparkCatalog,
      FeatureView view,
      RowSet rows,
      WriteListener listener) {
    Table table = OfflineRules.checkedBatchTable(catalog, view, rows);
    List<Row> sparkRows = new ArrayList<>(rows.size());
    for (List<Object> row : rows.rows()) {
      Object[] values = new Object[row.size()];
      for (int c = 0; c < values.length; c++) {
        values[c] = SparkTypes.toSpark(row.get(c), rows.columns().get(c).type());
      }
      sparkRows.add(RowFactory.create(values));
    }
    Dataset<Row> frame = spark.createDataFrame(sparkRows, SparkTypes.schema(rows.columns()));
    // The table's columns in its order; those the batch lacks are optional (checked) and null.
    List<Column> select = new ArrayList<>();
    for (Types.NestedField field : table.schema().columns()) {
      if (rows.indexOf(field.name()) >= 0) {
        select.add(col(SourceFrames.quote(field.name())));
      } else {
        Field type = Field.of(field.name(), TypeMapping.valueType(field.name(), field.type()));
        select.add(lit(null).cast(SparkTypes.sparkType(type.type())).as(field.name()));
      }
    }
    listener.written(rows.size());
    listener.committing();
    IcebergSource source = (IcebergSource) view.source();
    try {
      frame
          .select(select.toArray(Column[]::new))
          .writeTo(SourceFrames.sparkName(sparkCatalog, source.identifier()))
          .append();
    } catch (Exception e) {
      throw new ExternalSystemException(
          "Spark",
          "Could not append "
              + rows.size()
              + " rows to table "
              + source.table()
              + " of feature"
              + " view '"
              + view.name()
              + "': "
              + e.getMessage()
              + "; nothing was committed",
          e);
    }
  }
}
