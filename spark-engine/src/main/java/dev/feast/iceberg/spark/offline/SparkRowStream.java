package dev.feast.iceberg.spark.offline;

import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.offline.RowStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Result rows fetched from the executors one partition at a time ({@code toLocalIterator}), so the
 * driver holds one partition, not the result.
 */
final class SparkRowStream implements RowStream {
  private final List<Field> columns;
  private final Iterator<Row> rows;

  SparkRowStream(List<Field> columns, Iterator<Row> rows) {
    this.columns = List.copyOf(columns);
    this.rows = rows;
  }

  @Override
  public List<Field> columns() {
    return columns;
  }

  @Override
  public boolean hasNext() {
    return rows.hasNext();
  }

  @Override
  public List<Object> next() {
    Row row = rows.next();
    List<Object> values = new ArrayList<>(columns.size());
    for (int c = 0; c < columns.size(); c++) {
      values.add(SparkTypes.fromSpark(row.get(c), columns.get(c).type()));
    }
    return values;
  }

  @Override
  public void close() {
    // toLocalIterator's remaining partitions are simply not fetched.
  }
}
