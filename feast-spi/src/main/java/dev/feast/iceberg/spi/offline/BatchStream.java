package dev.feast.iceberg.spi.offline;

import dev.feast.iceberg.spi.ColumnBatch;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.annotation.Evolving;
import java.util.Iterator;
import java.util.List;

/**
 * Result rows in column batches; each batch is valid until the next call of {@link #next()} or
 * {@link #hasNext()}. Close it to release what the store holds for it.
 */
@Evolving
public interface BatchStream extends Iterator<ColumnBatch>, AutoCloseable {
  /** The columns of every batch. */
  List<Field> columns();

  @Override
  void close();
}
