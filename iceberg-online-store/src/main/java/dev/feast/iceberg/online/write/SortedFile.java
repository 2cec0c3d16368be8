package dev.feast.iceberg.online.write;

import dev.feast.iceberg.spi.ExternalSystemException;
import java.io.IOException;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.encryption.EncryptedOutputFile;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.parquet.Parquet;

/**
 * Writes rows (already in key order) into one Parquet data file of an online table with Iceberg's
 * Parquet writer, configured from the table (its properties: row group and page sizes, page index,
 * compression, dictionary, the {@code entity_key} bloom filter; its metrics config: full key
 * bounds), with {@link ColumnFeeds} encoding the values. Returns the file, not committed.
 */
public final class SortedFile {
  private static final String BLOOM_NDV = "write.parquet.bloom-filter-ndv.column.entity_key";

  private SortedFile() {}

  /**
   * Writes {@code rows}' rows at {@code positions}, from {@code from} (inclusive) to {@code to}
   * (exclusive), with {@code schema} (the table schema the rows' feature columns follow).
   */
  public static DataFile write(
      Table table,
      Schema schema,
      EncryptedOutputFile file,
      PartitionSpec spec,
      StructLike partition,
      WriteRows rows,
      int[] positions,
      int from,
      int to) {
    DataWriter<RowCursor> writer;
    try {
      writer =
          Parquet.writeData(file)
              .forTable(table)
              .schema(schema)
              .withSpec(spec)
              .withPartition(partition)
              .withSortOrder(table.sortOrder())
              // The key bloom filter sized for this file's keys (one row per key): Parquet would
              // otherwise give every file, however small, the maximum size (1 MB by default).
              .set(BLOOM_NDV, Integer.toString(Math.max(16, to - from)))
              .createWriterFunc(type -> new ColumnFeeds(schema, type))
              .overwrite()
              .build();
    } catch (IOException e) {
      throw ExternalSystemException.storage(
          "Could not create a data file of table " + table.name(), e);
    }
    RowCursor cursor = new RowCursor();
    cursor.rows = rows;
    try {
      try {
        for (int i = from; i < to; i++) {
          cursor.row = positions[i];
          writer.write(cursor);
        }
      } finally {
        writer.close();
      }
    } catch (IOException e) {
      throw ExternalSystemException.storage(
          "Failed writing a data file of table " + table.name(), e);
    }
    return writer.toDataFile();
  }
}
