package dev.feast.iceberg.offline;

import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.offline.RetrievalMetadata;
import java.util.List;

/**
 * A query ready to run on the connection that prepared it.
 *
 * @param sql the query
 * @param columns its result columns with their Feast types
 * @param metadata what its planning read
 */
record PreparedQuery(String sql, List<Field> columns, RetrievalMetadata metadata) {
  PreparedQuery {
    columns = List.copyOf(columns);
  }
}
