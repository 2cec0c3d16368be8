package dev.feast.iceberg.cli;

import dev.feast.iceberg.common.DuckDbConnections;
import dev.feast.iceberg.common.DuckDbSettings;
import dev.feast.iceberg.common.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What the CLI needs to know of the CSV (with a header line) and Parquet files users hand it: their
 * format by name and their number of rows (through an in-memory DuckDB). {@code write-offline}
 * reads them with {@link OfflineFile}.
 */
final class TabularFiles {
  private TabularFiles() {}

  /** Whether the file is CSV (by its name); anything else must be Parquet. */
  static boolean isCsv(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  /** The file's format by its name, or an error naming the accepted endings. */
  static void requireKnownFormat(Path file, String option) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".csv") && !name.endsWith(".parquet") && !name.endsWith(".pq")) {
      throw new CliException(option + " " + file + " must end in .csv or .parquet");
    }
  }

  /** The number of rows of a file. */
  static long count(Path file) {
    try (Connection connection = DuckDbConnections.open(DuckDbSettings.DEFAULTS);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT count(*) FROM " + relation(file))) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw unreadable(file, e);
    }
  }

  /** Fails naming the path when there is no such file. */
  static void requireFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CliException("There is no file " + file.toAbsolutePath() + "; check the path");
    }
  }

  private static String relation(Path file) {
    requireFile(file);
    String path = Sql.literal(file.toAbsolutePath().toString());
    return isCsv(file) ? "read_csv(" + path + ", header = true)" : "read_parquet(" + path + ")";
  }

  private static CliException unreadable(Path file, SQLException e) {
    return new CliException(
        "Cannot read "
            + file
            + ": "
            + e.getMessage()
            + "; give a CSV file with a header line or a Parquet file, with values of the columns'"
            + " types",
        e);
  }
}
