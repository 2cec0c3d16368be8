package dev.feast.iceberg.offline.output;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * DuckDB's Arrow stream of one result, which also closes the statement behind it, once, so the job
 * can close what its caller left open.
 */
public final class ArrowResult extends ArrowReader {
  private final ArrowReader exported;
  private final Statement statement;
  private final Runnable onClose;
  private boolean closed;

  public ArrowResult(
      BufferAllocator allocator, ArrowReader exported, Statement statement, Runnable onClose) {
    super(allocator);
    this.exported = exported;
    this.statement = statement;
    this.onClose = onClose;
  }

  @Override
  public VectorSchemaRoot getVectorSchemaRoot() throws IOException {
    return exported.getVectorSchemaRoot();
  }

  @Override
  public Map<Long, Dictionary> getDictionaryVectors() throws IOException {
    return exported.getDictionaryVectors();
  }

  @Override
  public Dictionary lookup(long id) {
    return exported.lookup(id);
  }

  @Override
  public Set<Long> getDictionaryIds() {
    return exported.getDictionaryIds();
  }

  @Override
  public boolean loadNextBatch() throws IOException {
    return !closed && exported.loadNextBatch();
  }

  @Override
  public long bytesRead() {
    return exported.bytesRead();
  }

  @Override
  public synchronized void close(boolean closeReadSource) throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      exported.close(closeReadSource);
    } finally {
      try {
        statement.close();
      } catch (SQLException e) {
        throw new IOException("Closing the DuckDB statement failed: " + e.getMessage(), e);
      } finally {
        onClose.run();
      }
    }
  }

  @Override
  protected void closeReadSource() {
    // The exported reader closes its own source in close(boolean).
  }

  @Override
  protected Schema readSchema() throws IOException {
    return exported.getVectorSchemaRoot().getSchema();
  }
}
