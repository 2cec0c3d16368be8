package dev.feast.iceberg.online.write;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.iceberg.FieldMetrics;
import org.apache.iceberg.Schema;
import org.apache.iceberg.parquet.ParquetValueWriter;
import org.apache.iceberg.parquet.TripleWriter;
import org.apache.iceberg.types.Types;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.schema.MessageType;

/**
 * The Parquet value writer of an online table's files: one {@link ColumnFeed} per column, each
 * taking its values from {@link WriteRows} straight into Parquet's column writer. It replaces
 * Iceberg's generic record writer (a record and a boxed value per cell); everything around it
 * (file, row groups, page sizes, compression, bloom filters, footer metrics) is still Iceberg's
 * Parquet writer, configured by the table's properties.
 */
final class ColumnFeeds implements ParquetValueWriter<RowCursor> {
  private final ColumnFeed[] feeds;

  ColumnFeeds(Schema schema, MessageType type) {
    List<Types.NestedField> fields = schema.columns();
    List<ColumnDescriptor> leaves = type.getColumns();
    if (leaves.size() != fields.size()) {
      throw new IllegalStateException(
          "Online table schema " + schema + " has nested columns other than lists of primitives");
    }
    feeds = new ColumnFeed[fields.size()];
    for (int i = 0; i < feeds.length; i++) {
      feeds[i] = ColumnFeed.of(i, fields.get(i), leaves.get(i));
    }
  }

  @Override
  public void write(int repetitionLevel, RowCursor cursor) {
    WriteRows rows = cursor.rows;
    int row = cursor.row;
    for (ColumnFeed feed : feeds) {
      feed.feed(rows, row);
    }
  }

  @Override
  public List<TripleWriter<?>> columns() {
    List<TripleWriter<?>> columns = new ArrayList<>(feeds.length);
    for (ColumnFeed feed : feeds) {
      columns.addAll(feed.columns());
    }
    return columns;
  }

  @Override
  public void setColumnStore(ColumnWriteStore store) {
    for (ColumnFeed feed : feeds) {
      feed.setColumnStore(store);
    }
  }

  @Override
  public Stream<FieldMetrics<?>> metrics() {
    return Stream.of(feeds).flatMap(ColumnFeed::fieldMetrics);
  }
}
