package dev.feast.iceberg.offline.write;

import dev.feast.iceberg.common.TableAppender;
import dev.feast.iceberg.common.TypeMapping;
import dev.feast.iceberg.offline.scan.SourceTables;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.WriteListener;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.types.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code write_batch}: checks rows against the view ({@link BatchCheck}) and the source table
 * (creating it from the rows when it is missing), writes them to data files and appends those in
 * one commit.
 */
public final class BatchWriter {
  private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

  private BatchWriter() {}

  public static void write(Catalog catalog, FeatureView view, RowSet rows, WriteListener listener) {
    Table table = checkedTable(catalog, view, rows);
    List<DataFile> files =
        SlicedWrite.write(table, new BatchRecords(table, rows, listener), rows.size());
    listener.written(rows.size());
    listener.committing();
    TableAppender.commit(table, files);
    log.debug("appended {} rows to {}", rows.size(), table.name());
  }

  /**
   * Checks a batch against the view and its source table, creating the table from the rows when it
   * is missing; the table to append to.
   */
  public static Table checkedTable(Catalog catalog, FeatureView view, RowSet rows) {
    IcebergSource source = SourceTables.source(view);
    TableIdentifier id = source.identifier();
    BatchCheck.check(view, id, rows);
    Table table =
        catalog.tableExists(id) ? catalog.loadTable(id) : create(catalog, id, rows, source);
    checkColumns(table, rows);
    return table;
  }

  /** A table with the rows' columns, partitioned by day of the event timestamp for pruning. */
  private static Table create(
      Catalog catalog, TableIdentifier id, RowSet rows, IcebergSource source) {
    Schema schema = TypeMapping.schemaOf(rows.columns());
    PartitionSpec spec = PartitionSpec.builderFor(schema).day(source.timestampField()).build();
    Namespaces.ensure(catalog, id.namespace());
    try {
      return catalog.createTable(id, schema, spec);
    } catch (AlreadyExistsException e) {
      // Another writer created it meanwhile; check against the table it made.
      return catalog.loadTable(id);
    }
  }

  private static void checkColumns(Table table, RowSet rows) {
    Schema schema = table.schema();
    for (Field column : rows.columns()) {
      Types.NestedField field = schema.findField(column.name());
      if (field == null) {
        throw new SchemaMismatchException(
            "Table "
                + table.name()
                + " has no column '"
                + column.name()
                + "' (expected one of "
                + names(schema)
                + ", got '"
                + column.name()
                + "' of type "
                + column.type().feastName()
                + "); rename the column or drop it from the rows");
      }
      ValueType expected = TypeMapping.valueType(field.name(), field.type());
      if (expected != column.type()) {
        throw new SchemaMismatchException(
            "Column '"
                + column.name()
                + "' of table "
                + table.name()
                + ": expected "
                + expected.feastName()
                + " (Iceberg "
                + field.type()
                + "), actual "
                + column.type().feastName()
                + "; convert the values or fix the column type");
      }
    }
    for (Types.NestedField field : schema.columns()) {
      int index = rows.indexOf(field.name());
      if (field.isRequired() && index < 0) {
        throw new SchemaMismatchException(
            "Table "
                + table.name()
                + " requires column '"
                + field.name()
                + "', which the rows lack; columns are "
                + rows.columnNames());
      }
      for (int r = 0; field.isRequired() && r < rows.size(); r++) {
        if (rows.rows().get(r).get(index) == null) {
          throw new SchemaMismatchException(
              "Row index " + r + " has no value for required column '" + field.name() + "'");
        }
      }
    }
  }

  private static List<String> names(Schema schema) {
    return schema.columns().stream().map(Types.NestedField::name).toList();
  }
}
