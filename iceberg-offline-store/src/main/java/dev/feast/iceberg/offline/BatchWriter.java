package dev.feast.iceberg.offline;

import dev.feast.iceberg.common.RecordValues;
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
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.types.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code write_batch}: checks rows against the view ({@link BatchCheck}) and the source table
 * (creating it from the rows when it is missing), writes them to data files and appends those in
 * one commit.
 */
final class BatchWriter {
  private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);
  // How often the listener hears of rows written: often enough for a progress bar, cheap enough.
  private static final int PROGRESS_ROWS = 10_000;

  private BatchWriter() {}

  static void write(Catalog catalog, FeatureView view, RowSet rows, WriteListener listener) {
    IcebergSource source = SourceTables.source(view);
    TableIdentifier id = source.identifier();
    BatchCheck.check(view, id, rows);
    Table table =
        catalog.tableExists(id) ? catalog.loadTable(id) : create(catalog, id, rows, source);
    checkColumns(table, rows);
    List<DataFile> files = TableAppender.write(table, records(table, rows, listener));
    listener.written(rows.size());
    listener.committing();
    TableAppender.commit(table, files);
    log.debug("appended {} rows to {}", rows.size(), id);
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

  /**
   * The rows as records of the table, converted as the writer takes them, so a large batch is not
   * held twice in memory; the batch was checked, so no conversion fails half way.
   */
  private static Iterable<Record> records(Table table, RowSet rows, WriteListener listener) {
    Schema schema = table.schema();
    List<Field> columns = rows.columns();
    int[] positions = new int[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      positions[c] = schema.columns().indexOf(schema.findField(columns.get(c).name()));
    }
    return () ->
        new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < rows.size();
          }

          @Override
          public Record next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            GenericRecord record = GenericRecord.create(schema);
            List<Object> row = rows.rows().get(next);
            for (int c = 0; c < columns.size(); c++) {
              Field column = columns.get(c);
              Object value = Values.normalize(row.get(c), column.type(), column.name());
              record.set(
                  positions[c],
                  RecordValues.toIceberg(value, schema.columns().get(positions[c]).type()));
            }
            next++;
            if (next % PROGRESS_ROWS == 0) {
              listener.written(next);
            }
            return record;
          }
        };
  }

  private static List<String> names(Schema schema) {
    return schema.columns().stream().map(Types.NestedField::name).toList();
  }
}
