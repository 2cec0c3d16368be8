package dev.feast.iceberg.offline.output;

import dev.feast.iceberg.offline.values.JdbcValues;
import dev.feast.iceberg.spi.ExternalSystemException;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.offline.RowStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;

/** Rows read from a DuckDB result set one at a time, converted to Feast's representation. */
public final class DuckDbRowStream implements RowStream {
  private final Statement statement;
  private final ResultSet results;
  private final List<Field> columns;
  private final Runnable onClose;
  private boolean fetched;
  private boolean hasRow;
  private boolean closed;

  public DuckDbRowStream(
      Statement statement, ResultSet results, List<Field> columns, Runnable onClose) {
    this.statement = statement;
    this.results = results;
    this.columns = List.copyOf(columns);
    this.onClose = onClose;
  }

  @Override
  public List<Field> columns() {
    return columns;
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      return false;
    }
    if (!fetched) {
      try {
        hasRow = results.next();
      } catch (SQLException e) {
        throw new ExternalSystemException(
            "DuckDB", "Reading retrieval results failed: " + e.getMessage(), e);
      }
      fetched = true;
    }
    return hasRow;
  }

  @Override
  public List<Object> next() {
    if (!hasNext()) {
      throw new NoSuchElementException("No more rows");
    }
    fetched = false;
    List<Object> row = new ArrayList<>(columns.size());
    try {
      for (int i = 0; i < columns.size(); i++) {
        row.add(JdbcValues.fromJdbc(results.getObject(i + 1), columns.get(i).type()));
      }
    } catch (SQLException e) {
      throw new ExternalSystemException(
          "DuckDB", "Reading retrieval results failed: " + e.getMessage(), e);
    }
    return Collections.unmodifiableList(row);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      results.close();
      statement.close();
    } catch (SQLException e) {
      throw new ExternalSystemException(
          "DuckDB", "Closing retrieval results failed: " + e.getMessage(), e);
    } finally {
      onClose.run();
    }
  }
}
