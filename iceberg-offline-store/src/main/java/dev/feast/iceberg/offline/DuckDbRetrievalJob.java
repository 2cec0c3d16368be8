package dev.feast.iceberg.offline;

import dev.feast.iceberg.common.DuckDbConnections;
import dev.feast.iceberg.common.DuckDbSettings;
import dev.feast.iceberg.common.Sql;
import dev.feast.iceberg.spi.FeastException;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.RetrievalMetadata;
import dev.feast.iceberg.spi.offline.RowStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * A retrieval run by DuckDB on a connection of its own, opened at the first use and released by
 * {@link #close()}. Planning (loading entity rows, planning Iceberg scans) happens once, at the
 * first call that needs the query; each output method then runs the query.
 */
final class DuckDbRetrievalJob implements RetrievalJob {
  private final DuckDbSettings settings;
  private final QueryPreparer preparer;
  private final Catalog catalog;
  private final List<DuckDbRowStream> streams = new ArrayList<>();
  private Connection connection;
  private PreparedQuery prepared;
  private boolean closed;

  DuckDbRetrievalJob(DuckDbSettings settings, QueryPreparer preparer, Catalog catalog) {
    this.settings = settings;
    this.preparer = preparer;
    this.catalog = catalog;
  }

  private synchronized PreparedQuery prepared() {
    if (closed) {
      throw new IllegalStateException("The retrieval job is closed; create a new one");
    }
    if (prepared == null) {
      connection = DuckDbConnections.open(settings);
      try {
        prepared = preparer.prepare(connection);
      } catch (SQLException | RuntimeException e) {
        // A failed plan leaves half-loaded temp tables behind: start afresh on the next call.
        closeConnection();
        if (e instanceof SQLException) {
          throw new FeastException("DuckDB could not prepare the retrieval: " + e.getMessage(), e);
        }
        throw (RuntimeException) e;
      }
    }
    return prepared;
  }

  @Override
  public List<Field> columns() {
    return prepared().columns();
  }

  @Override
  public synchronized RowStream rows() {
    PreparedQuery query = prepared();
    try {
      Statement statement = connection.createStatement();
      try {
        ResultSet results = statement.executeQuery(query.sql());
        DuckDbRowStream[] holder = new DuckDbRowStream[1];
        holder[0] =
            new DuckDbRowStream(statement, results, query.columns(), () -> forget(holder[0]));
        streams.add(holder[0]);
        return holder[0];
      } catch (SQLException e) {
        statement.close();
        throw e;
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private synchronized void forget(DuckDbRowStream stream) {
    streams.remove(stream);
  }

  @Override
  public synchronized void toParquet(Path path) {
    PreparedQuery query = prepared();
    Path target = path.toAbsolutePath();
    try {
      if (target.getParent() != null) {
        Files.createDirectories(target.getParent());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the folder of " + target, e);
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "COPY (" + query.sql() + ") TO " + Sql.literal(target.toString()) + " (FORMAT parquet)");
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public void persist(TableIdentifier table, boolean allowOverwrite) {
    List<Field> columns = columns();
    try (RowStream rows = rows()) {
      ResultPersister.persist(catalog, table, allowOverwrite, columns, rows);
    }
  }

  @Override
  public String sql() {
    return prepared().sql();
  }

  @Override
  public RetrievalMetadata metadata() {
    return prepared().metadata();
  }

  private FeastException failed(SQLException e) {
    return new FeastException("DuckDB could not run the retrieval: " + e.getMessage(), e);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (DuckDbRowStream stream : new ArrayList<>(streams)) {
      stream.close();
    }
    closeConnection();
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        throw new FeastException("Closing DuckDB failed: " + e.getMessage(), e);
      } finally {
        connection = null;
      }
    }
  }
}
