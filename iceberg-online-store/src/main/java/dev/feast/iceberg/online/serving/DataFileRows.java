package dev.feast.iceberg.online.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;

/** Reads the rows of one Parquet data file straight into a {@link RowIndex}, without planning. */
final class DataFileRows {
  private DataFileRows() {}

  /** Offers every row of the file to the index; returns how many rows were read. */
  static long load(Table table, DataFile file, RowIndex index) {
    Schema schema = table.schema();
    long count = 0;
    try (CloseableIterable<Record> records =
        Parquet.read(table.io().newInputFile(file))
            .project(schema)
            .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(schema, fileSchema))
            .build()) {
      for (Record record : records) {
        offer(index, record);
        count++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not read data file " + file.location() + " of table " + table.name(), e);
    }
    return count;
  }

  /** Offers one record of the table to the index. */
  static void offer(RowIndex index, Record record) {
    StoredRow row = TableRecords.fromRecord(index.columns(), record);
    Object key = record.getField(FeatureColumns.ENTITY_KEY);
    if (row != null && key != null) {
      index.offer(TableRecords.key(record), row);
    }
  }
}
