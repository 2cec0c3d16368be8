package dev.feast.iceberg.offline.retrieval;

import dev.feast.iceberg.offline.scan.FileLocator;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Plans a retrieval on a job's DuckDB connection: loads what it needs, then writes the query. Files
 * are located through {@code files}, which copies remote ones into the local cache.
 */
public interface QueryPreparer {
  PreparedQuery prepare(Connection connection, FileLocator files) throws SQLException;
}
