package dev.feast.iceberg.offline;

import dev.feast.iceberg.common.DuckDbConnections;
import dev.feast.iceberg.common.DuckDbSettings;
import dev.feast.iceberg.common.Sql;
import dev.feast.iceberg.common.cache.FileCache;
import dev.feast.iceberg.offline.output.ArrowAccess;
import dev.feast.iceberg.offline.output.ArrowBatches;
import dev.feast.iceberg.offline.output.ArrowResult;
import dev.feast.iceberg.offline.output.DuckDbRowStream;
import dev.feast.iceberg.offline.output.JobFiles;
import dev.feast.iceberg.offline.output.ResultPersister;
import dev.feast.iceberg.offline.retrieval.PreparedQuery;
import dev.feast.iceberg.offline.retrieval.QueryPreparer;
import dev.feast.iceberg.spi.ExternalSystemException;
import dev.feast.iceberg.spi.FeastException;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.InvalidRequestException;
import dev.feast.iceberg.spi.offline.BatchStream;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.RetrievalMetadata;
import dev.feast.iceberg.spi.offline.RowStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.duckdb.DuckDBResultSet;

/**
 * The retrieval job of the Iceberg offline store: a query run by DuckDB on a connection of its own,
 * opened at the first use and released by {@link #close()}. Planning (loading entity rows, planning
 * Iceberg scans, copying remote files into the local cache) happens once, at the first call that
 * needs the query; each output method then runs the query.
 *
 * <p>Besides the {@link RetrievalJob} outputs it gives the result as Arrow batches ({@link
 * #arrow}), without converting values to Java objects. Jobs of this store can be cast to this type:
 *
 * <pre>{@code
 * try (RetrievalJob job = store.getHistoricalFeatures(request);
 *     BufferAllocator allocator = new RootAllocator();
 *     ArrowReader reader = ((IcebergRetrievalJob) job).arrow(allocator)) {
 *   while (reader.loadNextBatch()) {
 *     VectorSchemaRoot batch = reader.getVectorSchemaRoot();
 *     ...
 *   }
 * }
 * }</pre>
 */
public final class IcebergRetrievalJob implements RetrievalJob {
  /** Rows per Arrow batch unless asked otherwise: DuckDB's vector size times a few. */
  public static final int DEFAULT_ARROW_BATCH_ROWS = 8192;

  private final DuckDbSettings settings;
  private final QueryPreparer preparer;
  private final Catalog catalog;
  private final JobFiles files;
  private final List<AutoCloseable> streams = new ArrayList<>();
  private Connection connection;
  private PreparedQuery prepared;
  private int resultTables;
  private long rowCount = -1;
  private final Runnable onClose;
  private boolean closed;

  IcebergRetrievalJob(
      DuckDbSettings settings, QueryPreparer preparer, Catalog catalog, FileCache cache) {
    this(settings, preparer, catalog, cache, () -> {});
  }

  IcebergRetrievalJob(
      DuckDbSettings settings,
      QueryPreparer preparer,
      Catalog catalog,
      FileCache cache,
      Runnable onClose) {
    this.settings = settings;
    this.preparer = preparer;
    this.catalog = catalog;
    this.files = new JobFiles(cache);
    this.onClose = onClose;
  }

  private synchronized PreparedQuery prepared() {
    if (closed) {
      throw new IllegalStateException("The retrieval job is closed; create a new one");
    }
    if (prepared == null) {
      connection = DuckDbConnections.open(settings);
      try {
        prepared = preparer.prepare(connection, files);
      } catch (SQLException | RuntimeException e) {
        // A failed plan leaves half-loaded temp tables behind: start afresh on the next call.
        closeConnection();
        if (e instanceof SQLException) {
          throw new ExternalSystemException(
              "DuckDB", "DuckDB could not prepare the retrieval: " + e.getMessage(), e);
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
        Selected selected = select(statement, query);
        ResultSet results = statement.executeQuery(selected.sql());
        DuckDbRowStream[] holder = new DuckDbRowStream[1];
        holder[0] =
            new DuckDbRowStream(
                statement, results, query.columns(), () -> forget(holder[0], selected.table()));
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

  /**
   * The result as DuckDB's Arrow batches of up to {@code maxRows} rows, handed over without an
   * object per value (materialization into an online store with a columnar write). A pull is run
   * whole first, as for {@link #rows()}, so {@link #rowCount()} is known. Where Arrow cannot run
   * (see {@link ArrowAccess}) the batches are made from {@link #rows()}.
   */
  @Override
  public synchronized BatchStream batches(int maxRows) {
    if (!ArrowAccess.available()) {
      return RetrievalJob.super.batches(maxRows);
    }
    PreparedQuery query = prepared();
    try {
      Statement statement = connection.createStatement();
      BufferAllocator allocator = new RootAllocator();
      try {
        Selected selected = select(statement, query);
        DuckDBResultSet results =
            statement.executeQuery(selected.sql()).unwrap(DuckDBResultSet.class);
        ArrowReader exported = (ArrowReader) results.arrowExportStream(allocator, maxRows);
        ArrowResult[] holder = new ArrowResult[1];
        holder[0] =
            new ArrowResult(
                allocator, exported, statement, () -> forget(holder[0], selected.table()));
        streams.add(holder[0]);
        return new ArrowBatches(query.columns(), holder[0], allocator);
      } catch (SQLException | RuntimeException e) {
        statement.close();
        allocator.close();
        throw e;
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** The query to read; a query run whole first is held in a temporary table, counted. */
  private Selected select(Statement statement, PreparedQuery query) throws SQLException {
    if (!query.runWhole()) {
      return new Selected(query.sql(), null);
    }
    String table = "feast_result_" + ++resultTables;
    statement.execute("CREATE TEMP TABLE " + table + " AS " + query.sql());
    rowCount = count(statement, table);
    return new Selected("SELECT * FROM " + table, table);
  }

  /** A query to read, and the temporary table it reads (dropped with its stream), or null. */
  private record Selected(String sql, String table) {}

  /** Known once {@link #rows()} ran a query whose result is held whole (a pull). */
  @Override
  public synchronized OptionalLong rowCount() {
    return rowCount < 0 ? OptionalLong.empty() : OptionalLong.of(rowCount);
  }

  private static long count(Statement statement, String table) throws SQLException {
    try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
      count.next();
      return count.getLong(1);
    }
  }

  /** A stream is closed: forget it, and drop the temporary table it read (if any). */
  private synchronized void forget(AutoCloseable stream, String table) {
    streams.remove(stream);
    if (table != null && connection != null) {
      try (Statement drop = connection.createStatement()) {
        drop.execute("DROP TABLE IF EXISTS " + table);
      } catch (SQLException e) {
        // The connection is closing with the job; the table goes with it.
      }
    }
  }

  /**
   * Runs the retrieval and gives its result as Arrow batches of up to {@link
   * #DEFAULT_ARROW_BATCH_ROWS} rows. Timestamps are {@code Timestamp(MICROSECOND, "UTC")}, float32
   * stays {@code Float4}, int32 {@code Int}, lists {@code List}. The batches live in memory of
   * {@code allocator}; close the reader (the job closes any still open) before the allocator.
   */
  public ArrowReader arrow(BufferAllocator allocator) {
    return arrow(allocator, DEFAULT_ARROW_BATCH_ROWS);
  }

  /** As {@link #arrow(BufferAllocator)}, with batches of up to {@code batchRows} rows. */
  public synchronized ArrowReader arrow(BufferAllocator allocator, int batchRows) {
    if (batchRows <= 0) {
      throw new InvalidRequestException("Arrow batches need at least one row, not " + batchRows);
    }
    PreparedQuery query = prepared();
    try {
      Statement statement = connection.createStatement();
      try {
        DuckDBResultSet results = statement.executeQuery(query.sql()).unwrap(DuckDBResultSet.class);
        ArrowReader exported = (ArrowReader) results.arrowExportStream(allocator, batchRows);
        ArrowResult[] holder = new ArrowResult[1];
        holder[0] = new ArrowResult(allocator, exported, statement, () -> forget(holder[0], null));
        streams.add(holder[0]);
        return holder[0];
      } catch (SQLException | RuntimeException e) {
        statement.close();
        throw e;
      }
    } catch (SQLException e) {
      throw failed(e);
    }
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
      throw ExternalSystemException.storage("Could not create the folder of " + target, e);
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
    return new ExternalSystemException(
        "DuckDB", "DuckDB could not run the retrieval: " + e.getMessage(), e);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      for (AutoCloseable stream : new ArrayList<>(streams)) {
        try {
          stream.close();
        } catch (Exception e) {
          throw new ExternalSystemException(
              "DuckDB", "Closing a result of the job failed: " + e.getMessage(), e);
        }
      }
      closeConnection();
    } finally {
      try {
        files.close();
      } finally {
        onClose.run();
      }
    }
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        throw new ExternalSystemException("DuckDB", "Closing DuckDB failed: " + e.getMessage(), e);
      } finally {
        connection = null;
      }
    }
  }
}
