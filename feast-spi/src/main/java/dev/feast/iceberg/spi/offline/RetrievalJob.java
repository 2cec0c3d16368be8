package dev.feast.iceberg.spi.offline;

import dev.feast.iceberg.spi.ColumnBatch;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowBatch;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.UnsupportedFeatureException;
import dev.feast.iceberg.spi.annotation.Evolving;
import dev.feast.iceberg.spi.annotation.Stable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import org.apache.iceberg.catalog.TableIdentifier;

/** A retrieval ready to run. Each output method runs it; close the job to release its resources. */
@Stable
public interface RetrievalJob extends AutoCloseable {
  /** The result columns, in order. */
  List<Field> columns();

  /** Runs the retrieval and streams its rows. */
  RowStream rows();

  /**
   * Runs the retrieval and streams its rows in column batches of up to {@code maxRows} rows, for
   * bulk consumers (materialization into an online store with {@code COLUMNAR_WRITE}). A store with
   * a columnar engine hands its own batches over without an object per value; the default groups
   * the rows of {@link #rows()}.
   */
  @Evolving
  default BatchStream batches(int maxRows) {
    RowStream stream = rows();
    return new BatchStream() {
      @Override
      public List<Field> columns() {
        return stream.columns();
      }

      @Override
      public boolean hasNext() {
        return stream.hasNext();
      }

      @Override
      public ColumnBatch next() {
        List<List<Object>> rows = new ArrayList<>(Math.min(maxRows, 1 << 16));
        while (rows.size() < maxRows && stream.hasNext()) {
          rows.add(stream.next());
        }
        if (rows.isEmpty()) {
          throw new NoSuchElementException("No more rows");
        }
        return new RowBatch(stream.columns(), rows);
      }

      @Override
      public void close() {
        stream.close();
      }
    };
  }

  /**
   * The number of rows the last {@link #rows()} streams, when the store knows it before they are
   * read (for example because it ran the query whole first); empty when it does not, or before
   * {@code rows()} was called. For progress: the total of a materialization.
   */
  default OptionalLong rowCount() {
    return OptionalLong.empty();
  }

  /** Runs the retrieval and holds every row in memory. */
  default RowSet toRowSet() {
    try (RowStream stream = rows()) {
      List<List<Object>> rows = new ArrayList<>();
      stream.forEachRemaining(rows::add);
      return new RowSet(stream.columns(), rows);
    }
  }

  /** Runs the retrieval and writes the result to a Parquet file. */
  default void toParquet(Path path) {
    throw new UnsupportedFeatureException(getClass().getSimpleName(), "Parquet output");
  }

  /**
   * Runs the retrieval and stores the result as a new Iceberg table; replaces one only if asked.
   */
  default void persist(TableIdentifier table, boolean allowOverwrite) {
    throw new UnsupportedFeatureException(getClass().getSimpleName(), "persisting results");
  }

  /** The query the store runs, for inspection. */
  default String sql() {
    throw new UnsupportedFeatureException(getClass().getSimpleName(), "showing its SQL");
  }

  /** What the last run read. */
  RetrievalMetadata metadata();

  @Override
  void close();
}
