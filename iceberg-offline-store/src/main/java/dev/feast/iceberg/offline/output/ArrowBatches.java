package dev.feast.iceberg.offline.output;

import dev.feast.iceberg.spi.ColumnBatch;
import dev.feast.iceberg.spi.ExternalSystemException;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.offline.BatchStream;
import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * DuckDB's Arrow batches of one result as a {@link BatchStream}: each batch is handed over as it is
 * (values stay in Arrow's buffers); the allocator is the stream's own and closes with it.
 */
public final class ArrowBatches implements BatchStream {
  private final List<Field> columns;
  private final ArrowReader reader;
  private final BufferAllocator allocator;
  private boolean loaded;
  private boolean ended;

  public ArrowBatches(List<Field> columns, ArrowReader reader, BufferAllocator allocator) {
    this.columns = List.copyOf(columns);
    this.reader = reader;
    this.allocator = allocator;
  }

  @Override
  public List<Field> columns() {
    return columns;
  }

  @Override
  public boolean hasNext() {
    if (!loaded && !ended) {
      try {
        loaded = reader.loadNextBatch();
      } catch (IOException e) {
        throw new ExternalSystemException(
            "DuckDB", "Reading retrieval results failed: " + e.getMessage(), e);
      }
      ended = !loaded;
    }
    return loaded;
  }

  @Override
  public ColumnBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException("No more batches");
    }
    loaded = false;
    try {
      return new ArrowBatch(columns, reader.getVectorSchemaRoot());
    } catch (IOException e) {
      throw new ExternalSystemException(
          "DuckDB", "Reading retrieval results failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new ExternalSystemException(
          "DuckDB", "Closing retrieval results failed: " + e.getMessage(), e);
    } finally {
      allocator.close();
    }
  }
}
