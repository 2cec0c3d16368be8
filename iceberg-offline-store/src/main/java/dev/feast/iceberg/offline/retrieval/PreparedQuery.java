package dev.feast.iceberg.offline.retrieval;

import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.offline.RetrievalMetadata;
import java.util.List;

/**
 * A query ready to run on the connection that prepared it.
 *
 * @param sql the query
 * @param columns its result columns with their Feast types
 * @param metadata what its planning read
 * @param runWhole the result is sorted, so DuckDB holds it whole before the first row anyway: run
 *     it into a temporary table first, which costs nothing more and tells its row count
 */
public record PreparedQuery(
    String sql, List<Field> columns, RetrievalMetadata metadata, boolean runWhole) {
  public PreparedQuery {
    columns = List.copyOf(columns);
  }

  /** A query whose rows are streamed as DuckDB produces them. */
  PreparedQuery(String sql, List<Field> columns, RetrievalMetadata metadata) {
    this(sql, columns, metadata, false);
  }
}
