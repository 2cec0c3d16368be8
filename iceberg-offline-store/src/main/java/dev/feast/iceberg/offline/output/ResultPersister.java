package dev.feast.iceberg.offline.output;

import dev.feast.iceberg.common.RecordValues;
import dev.feast.iceberg.common.TableAppender;
import dev.feast.iceberg.common.TypeMapping;
import dev.feast.iceberg.offline.write.Namespaces;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.offline.RowStream;
import java.util.Iterator;
import java.util.List;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.types.Types;

/**
 * Stores a retrieval result as an Iceberg table in one transaction, so readers see the old table or
 * the complete new one.
 */
public final class ResultPersister {
  private ResultPersister() {}

  public static void persist(
      Catalog catalog,
      TableIdentifier id,
      boolean allowOverwrite,
      List<Field> columns,
      RowStream rows) {
    boolean exists = catalog.tableExists(id);
    if (exists && !allowOverwrite) {
      throw new AlreadyExistsException(
          "Table %s already exists; allow overwriting it or choose another name", id);
    }
    if (!exists) {
      Namespaces.ensure(catalog, id.namespace());
    }
    Schema schema = TypeMapping.schemaOf(columns);
    Transaction transaction =
        exists
            ? catalog.newReplaceTableTransaction(id, schema, PartitionSpec.unpartitioned(), false)
            : catalog.newCreateTableTransaction(id, schema, PartitionSpec.unpartitioned());
    Iterable<Record> records = () -> records(schema, rows);
    List<DataFile> files = TableAppender.write(transaction.table(), records);
    AppendFiles append = transaction.newFastAppend();
    files.forEach(append::appendFile);
    append.commit();
    transaction.commitTransaction();
  }

  private static Iterator<Record> records(Schema schema, RowStream rows) {
    List<Types.NestedField> fields = schema.columns();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Record next() {
        List<Object> row = rows.next();
        GenericRecord record = GenericRecord.create(schema);
        for (int i = 0; i < fields.size(); i++) {
          record.set(i, RecordValues.toIceberg(row.get(i), fields.get(i).type()));
        }
        return record;
      }
    };
  }
}
