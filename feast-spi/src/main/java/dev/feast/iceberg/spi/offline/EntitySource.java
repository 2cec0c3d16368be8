package dev.feast.iceberg.spi.offline;

import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.annotation.Stable;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * The entity rows of a historical retrieval: the keys and timestamps to look features up for. The
 * timestamp column is {@code event_timestamp}, or the only timestamp column.
 */
@Stable
public sealed interface EntitySource {

  /** Rows held in memory. */
  @Stable
  record Rows(RowSet rows) implements EntitySource {
    public Rows {
      Objects.requireNonNull(rows, "rows");
    }
  }

  /** A Parquet file. */
  @Stable
  record ParquetFile(Path path) implements EntitySource {
    public ParquetFile {
      Objects.requireNonNull(path, "path");
    }
  }

  /** A CSV file with a header line. */
  @Stable
  record CsvFile(Path path) implements EntitySource {
    public CsvFile {
      Objects.requireNonNull(path, "path");
    }
  }

  /** An Iceberg table in the offline store's catalog. */
  @Stable
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
