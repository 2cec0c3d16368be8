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
import java.util.ArrayList;
import java.util.List;
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
 * {@code write_batch}: checks rows against the source table (creating it from the rows when it is
 * missing) and appends them in one commit.
 */
final class BatchWriter {
  private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

  private BatchWriter() {}

  static void write(Catalog catalog, FeatureView view, RowSet rows) {
    IcebergSource source = SourceTables.source(view);
    TableIdentifier id = source.identifier();
    int timestamp = rows.indexOf(source.timestampField());
    if (timestamp < 0) {
      throw new SchemaMismatchException(
          "Rows written to table "
              + id
              + " lack its event timestamp column '"
              + source.timestampField()
              + "'; columns are "
              + rows.columnNames());
    }
    if (rows.columns().get(timestamp).type() != ValueType.UNIX_TIMESTAMP) {
      throw new SchemaMismatchException(
          "Column '"
              + source.timestampField()
              + "' written to table "
              + id
              + " is "
              + rows.columns().get(timestamp).type().feastName()
              + "; it must be UnixTimestamp");
    }
    Table table =
        catalog.tableExists(id) ? catalog.loadTable(id) : create(catalog, id, rows, source);
    checkColumns(table, rows);
    List<Record> records = records(table, rows);
    TableAppender.append(table, records);
    log.debug("appended {} rows to {}", records.size(), id);
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
      if (field.isRequired() && rows.indexOf(field.name()) < 0) {
        throw new SchemaMismatchException(
            "Table "
                + table.name()
                + " requires column '"
                + field.name()
                + "', which the rows lack; columns are "
                + rows.columnNames());
      }
    }
  }

  private static List<Record> records(Table table, RowSet rows) {
    Schema schema = table.schema();
    List<Record> records = new ArrayList<>(rows.size());
    List<Field> columns = rows.columns();
    int[] positions = new int[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      positions[c] = schema.columns().indexOf(schema.findField(columns.get(c).name()));
    }
    for (int r = 0; r < rows.size(); r++) {
      GenericRecord record = GenericRecord.create(schema);
      List<Object> row = rows.rows().get(r);
      for (int c = 0; c < columns.size(); c++) {
        Field column = columns.get(c);
        Types.NestedField field = schema.columns().get(positions[c]);
        Object value;
        try {
          value = Values.normalize(row.get(c), column.type(), column.name());
        } catch (SchemaMismatchException e) {
          throw new SchemaMismatchException(
              "Row " + r + " written to table " + table.name() + ": " + e.getMessage());
        }
        if (value == null && field.isRequired()) {
          throw new SchemaMismatchException(
              "Row " + r + " has no value for required column '" + column.name() + "'");
        }
        record.set(positions[c], RecordValues.toIceberg(value, field.type()));
      }
      records.add(record);
    }
    return records;
  }

  private static List<String> names(Schema schema) {
    return schema.columns().stream().map(Types.NestedField::name).toList();
  }
}
