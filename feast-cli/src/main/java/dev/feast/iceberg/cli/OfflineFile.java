package dev.feast.iceberg.cli;

import dev.feast.iceberg.common.DuckDbConnections;
import dev.feast.iceberg.common.DuckDbSettings;
import dev.feast.iceberg.common.Sql;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.SourceColumn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV or Parquet file read as rows of a feature view's source ({@code write-offline}), every
 * value checked in Java so that an error names the file, the line (CSV: the file's line, the header
 * being line 1) or row (Parquet: data rows counted from 1), the column and the value. CSV is parsed
 * here ({@link CsvReader}); Parquet is read through DuckDB, whose messages never reach the user.
 */
final class OfflineFile {
  // How often the reading progress hears of rows: often enough for a bar, cheap enough.
  private static final int PROGRESS_ROWS = 10_000;

  private OfflineFile() {}

  /**
   * The file's rows; {@code unit} reads numbers in timestamp columns (null: they are errors).
   *
   * @param columns the view's source columns
   * @param owner whose columns they are ({@code feature view 'driver_hourly_stats'})
   */
  static RowSet read(
      Path file, List<SourceColumn> columns, String owner, EpochUnit unit, Progress progress) {
    TabularFiles.requireFile(file);
    try {
      return TabularFiles.isCsv(file)
          ? csv(file, columns, owner, unit, progress)
          : parquet(file, columns, owner, unit, progress);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static RowSet csv(
      Path file, List<SourceColumn> columns, String owner, EpochUnit unit, Progress progress)
      throws IOException {
    String name = file.toString();
    try (CsvReader csv = CsvReader.open(file, name)) {
      CsvReader.Record header = csv.header();
      if (header == null) {
        throw new CliException(
            name
                + " is empty; write a header line naming the columns ("
                + String.join(", ", columns.stream().map(SourceColumn::name).toList())
                + "), then one line per row");
      }
      List<String> names = header.fields().stream().map(f -> f == null ? "" : f.strip()).toList();
      FileRows rows = new FileRows(name, names, columns, owner, "is empty");
      FileRows.Reader text = (raw, column) -> TextValues.parse((String) raw, column.type(), unit);
      Progress.Task task = progress.start("Reading " + file.getFileName(), Progress.UNKNOWN);
      long count = 0;
      try (CsvBlocks records = new CsvBlocks(csv)) {
        for (CsvReader.Record record = records.next(); record != null; record = records.next()) {
          String where = "line " + record.line();
          int size = record.fields().size();
          if (size < names.size()) {
            rows.fail(
                where,
                " has "
                    + size
                    + " fields, the header has "
                    + names.size()
                    + ": a value is missing; an empty value still needs its comma");
          } else if (size > names.size()) {
            rows.fail(
                where,
                " has "
                    + size
                    + " fields, the header has "
                    + names.size()
                    + ": a value too many; quote values that hold a comma (\"1,5\")");
          } else {
            rows.add(where, record.fields(), text);
          }
          if (++count % PROGRESS_ROWS == 0) {
            task.update(count);
          }
        }
      }
      task.finish(count);
      return rows.rows();
    }
  }

  private static RowSet parquet(
      Path file, List<SourceColumn> columns, String owner, EpochUnit unit, Progress progress) {
    String name = file.toString();
    String relation = "read_parquet(" + Sql.literal(file.toAbsolutePath().toString()) + ")";
    try (Connection connection = DuckDbConnections.open(DuckDbSettings.DEFAULTS);
        Statement statement = connection.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet described = statement.executeQuery("DESCRIBE SELECT * FROM " + relation)) {
        while (described.next()) {
          names.add(described.getString("column_name"));
        }
      }
      FileRows rows = new FileRows(name, names, columns, owner, "is null");
      FileRows.Reader values = (raw, column) -> ParquetValues.convert(raw, column.type(), unit);
      long total;
      try (ResultSet counted = statement.executeQuery("SELECT count(*) FROM " + relation)) {
        counted.next();
        total = counted.getLong(1);
      }
      Progress.Task task = progress.start("Reading " + file.getFileName(), total);
      long count = 0;
      try (ResultSet result = statement.executeQuery("SELECT * FROM " + relation)) {
        Object[] raw = new Object[names.size()];
        while (result.next()) {
          for (int c = 0; c < raw.length; c++) {
            raw[c] = result.getObject(c + 1);
          }
          rows.add("row " + (++count), Arrays.asList(raw), values);
          if (count % PROGRESS_ROWS == 0) {
            task.update(count);
          }
        }
      }
      task.finish(count);
      return rows.rows();
    } catch (SQLException e) {
      throw new CliException(
          "Cannot read "
              + name
              + " as Parquet: it is damaged or not a Parquet file; give a .parquet file, or a"
              + " .csv file with a header line",
          e);
    }
  }
}
