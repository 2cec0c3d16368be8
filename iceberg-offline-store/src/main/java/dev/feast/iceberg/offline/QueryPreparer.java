package dev.feast.iceberg.offline;

import java.sql.Connection;
import java.sql.SQLException;

/** Plans a retrieval on a job's DuckDB connection: loads what it needs, then writes the query. */
interface QueryPreparer {
  PreparedQuery prepare(Connection connection) throws SQLException;
}
