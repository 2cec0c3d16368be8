package dev.feast.iceberg.testsuite;

import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.RetrievalMetadata;
import dev.feast.iceberg.spi.offline.RowStream;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.apache.iceberg.catalog.TableIdentifier;

/** A retrieval job of {@link ReferenceOfflineStore}: computes its result on each run. */
final class ReferenceJob implements RetrievalJob {
  /** Stores a result as a table. */
  interface Persister {
    void persist(TableIdentifier table, RowSet rows, boolean allowOverwrite);
  }

  private final Supplier<RowSet> result;
  private final Persister persister;

  ReferenceJob(Supplier<RowSet> result, Persister persister) {
    this.result = result;
    this.persister = persister;
  }

  @Override
  public List<Field> columns() {
    return result.get().columns();
  }

  @Override
  public RowStream rows() {
    RowSet rows = result.get();
    Iterator<List<Object>> iterator = rows.rows().iterator();
    return new RowStream() {
      @Override
      public List<Field> columns() {
        return rows.columns();
      }

      @Override
      public boolean hasNext() {
        return iterator.hasNext();
      }

      @Override
      public List<Object> next() {
        return iterator.next();
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void persist(TableIdentifier table, boolean allowOverwrite) {
    persister.persist(table, result.get(), allowOverwrite);
  }

  @Override
  public RetrievalMetadata metadata() {
    return new RetrievalMetadata(0, 0);
  }

  @Override
  public void close() {}
}
