package dev.feast.iceberg.spi.offline;

import dev.feast.iceberg.spi.RowSet;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * The entity rows of a historical retrieval: the keys and timestamps to look features up for. The
 * timestamp column is {@code event_timestamp}, or the only timestamp column.
 */
public sealed interface EntitySource {

  /** Rows held in memory. */
  record Rows(RowSet rows) implements EntitySource {
    public Rows {
      Objects.requireNonNull(rows, "rows");
    }
  }

  /** A Parquet file. */
  record ParquetFile(Path path) implements EntitySource {
    public ParquetFile {
      Objects.requireNonNull(path, "path");
    }
  }

  /** A CSV file with a header line. */
  record CsvFile(Path path) implements EntitySource {
    public CsvFile {
      Objects.requireNonNull(path, "path");
    }
  }

  /** An Iceberg table in the offline store's catalog. */
  record IcebergTable(TableIdentifier table) implements EntitySource {
    public IcebergTable {
      Objects.requireNonNull(table, "table");
    }
  }

  /** Shorthand for {@link Rows}. */
  static EntitySource of(RowSet rows) {
    return new Rows(rows);
  }
}
