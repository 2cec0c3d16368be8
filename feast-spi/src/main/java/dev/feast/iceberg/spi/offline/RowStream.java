package dev.feast.iceberg.spi.offline;

import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.annotation.Stable;
import java.util.Iterator;
import java.util.List;

/** Result rows read one at a time; close it to release what the store holds for it. */
@Stable
public interface RowStream extends Iterator<List<Object>>, AutoCloseable {
  /** The columns of every row. */
  List<Field> columns();

  @Override
  void close();
}
