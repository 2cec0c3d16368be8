package dev.feast.iceberg.online.serving;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.parquet.ParquetSchemaUtil;
import org.apache.iceberg.parquet.ParquetValueReader;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.internal.filter2.columnindex.RowRanges;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Reads the rows of one Parquet data file that may hold some requested keys, page by page: with the
 * file's {@link PagedFile} (footer, key bloom filters and page indexes, read once per snapshot),
 * only the row groups that may hold a key are touched, and in each only the pages whose key bounds
 * hold one, in every column (the pages of an online table's columns start at the same rows, see
 * {@code OnlineTables}; a row group whose pages do not is read whole). Values are decoded by
 * Iceberg's generic Parquet reader, as the in-memory state's are, so both paths return the same
 * values.
 */
final class PageRows {
  private PageRows() {}

  /** Whether Iceberg's reader can decode the file's columns by their field ids. */
  static boolean readable(PagedFile file) {
    return ParquetSchemaUtil.hasIds(file.footer().getFileMetaData().getSchema());
  }

  /** Reads the file's footer, bloom filters and key page indexes. */
  static PagedFile describe(InputFile input) throws IOException {
    try (ParquetFileReader reader = new ParquetFileReader(input, options())) {
      return PagedFile.read(reader);
    }
  }

  /**
   * Passes every row of {@code input} (described by {@code file}) in a page that may hold one of
   * {@code keys} to {@code rows}, projected to {@code schema}; the caller matches the keys.
   */
  static void read(
      InputFile input, PagedFile file, Schema schema, List<ByteBuffer> keys, Consumer<Record> rows)
      throws IOException {
    List<PagedFile.Group> groups = new ArrayList<>();
    List<List<ByteBuffer>> groupKeys = new ArrayList<>();
    for (PagedFile.Group group : file.groups()) {
      List<ByteBuffer> held = new ArrayList<>();
      for (ByteBuffer key : keys) {
        if (group.mayHold(key)) {
          held.add(key);
        }
      }
      if (!held.isEmpty()) {
        groups.add(group);
        groupKeys.add(held);
      }
    }
    if (groups.isEmpty()) {
      return;
    }
    MessageType fileSchema = file.footer().getFileMetaData().getSchema();
    MessageType projection = ParquetSchemaUtil.pruneColumns(fileSchema, schema);
    @SuppressWarnings("unchecked")
    ParquetValueReader<Record> reader =
        (ParquetValueReader<Record>) GenericParquetReaders.buildReader(schema, projection);
    try (ParquetFileReader pages =
        new ParquetFileReader(input, file.footer(), options(), input.newStream())) {
      pages.setRequestedSchema(projection);
      for (int g = 0; g < groups.size(); g++) {
        PagedFile.Group group = groups.get(g);
        RowRanges ranges = group.pagesOf(groupKeys.get(g));
        if (ranges.rowCount() == 0) {
          continue;
        }
        PageReadStore store =
            ranges.rowCount() == group.rows()
                ? pages.readRowGroup(group.index())
                : pages.readFilteredRowGroup(group.index(), ranges);
        reader.setPageSource(store);
        for (long row = 0; row < store.getRowCount(); row++) {
          rows.accept(reader.read(null));
        }
      }
    }
  }

  /**
   * Options without a Hadoop configuration (whose loading costs more than a lookup); one per
   * reader, as a reader releases its decompressors when closed.
   */
  private static ParquetReadOptions options() {
    return ParquetReadOptions.builder(new PlainParquetConfiguration())
        .useStatsFilter(false)
        .useDictionaryFilter(false)
        .useBloomFilter(false)
        .useColumnIndexFilter(false)
        .useRecordFilter(false)
        .build();
  }
}
