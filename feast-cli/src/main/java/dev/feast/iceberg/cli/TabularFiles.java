package dev.feast.iceberg.cli;

import dev.feast.iceberg.common.DuckDbConnections;
import dev.feast.iceberg.common.DuckDbSettings;
import dev.feast.iceberg.common.Sql;
import dev.feast.iceberg.common.TypeMapping;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the CSV (with a header line) and Parquet files users hand to the CLI, through an in-memory
 * DuckDB: its CSV reader detects types and formats, and naive timestamps are read as UTC.
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

  /**
   * The file's rows, each column converted to the type {@code types} gives it; a column {@code
   * types} lacks is an error naming the known columns.
   */
  static RowSet read(Path file, Map<String, ValueType> types, String owner) {
    try (Connection connection = DuckDbConnections.open(DuckDbSettings.DEFAULTS);
        Statement statement = connection.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet columns = statement.executeQuery("DESCRIBE SELECT * FROM " + relation(file))) {
        while (columns.next()) {
          names.add(columns.getString("column_name"));
        }
      }
      List<Field> fields = new ArrayList<>();
      List<String> projections = new ArrayList<>();
      for (String name : names) {
        ValueType type = types.get(name);
        if (type == null) {
          throw new CliException(
              "Column '"
                  + name
                  + "' of "
                  + file
                  + " is not a column of "
                  + owner
                  + "; its columns are "
                  + types.keySet()
                  + ": rename or drop the column");
        }
        fields.add(new Field(name, type));
        projections.add(
            "CAST("
                + Sql.id(name)
                + " AS "
                + TypeMapping.duckDbType(type)
                + ") AS "
                + Sql.id(name));
      }
      RowSet.Builder rows = RowSet.builder(fields);
      String query = "SELECT " + String.join(", ", projections) + " FROM " + relation(file);
      try (ResultSet result = statement.executeQuery(query)) {
        while (result.next()) {
          List<Object> row = new ArrayList<>(fields.size());
          for (int i = 0; i < fields.size(); i++) {
            row.add(value(result.getObject(i + 1), fields.get(i).type()));
          }
          rows.add(row);
        }
      }
      return rows.build();
    } catch (SQLException e) {
      throw unreadable(file, e);
    }
  }

  private static String relation(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CliException("There is no file " + file.toAbsolutePath() + "; check the path");
    }
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

  /** A DuckDB value as Feast's Java representation of {@code type}. */
  static Object value(Object value, ValueType type) throws SQLException {
    if (value == null) {
      return null;
    }
    if (type.isList()) {
      Object[] items =
          value instanceof Array array ? (Object[]) array.getArray() : ((List<?>) value).toArray();
      List<Object> list = new ArrayList<>(items.length);
      for (Object item : items) {
        list.add(value(item, type.elementType()));
      }
      return list;
    }
    return switch (type) {
      case UNIX_TIMESTAMP -> instant(value);
      case INT32 -> ((Number) value).intValue();
      case INT64 -> ((Number) value).longValue();
      case DOUBLE -> ((Number) value).doubleValue();
      case FLOAT -> ((Number) value).floatValue();
      case STRING -> value.toString();
      case BYTES ->
          value instanceof Blob blob
              ? ByteBuffer.wrap(blob.getBytes(1, (int) blob.length()))
              : ByteBuffer.wrap((byte[]) value);
      default -> value;
    };
  }

  private static Instant instant(Object value) {
    if (value instanceof OffsetDateTime t) {
      return t.toInstant();
    } else if (value instanceof LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC);
    } else if (value instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    } else if (value instanceof LocalDate d) {
      return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return (Instant) value;
  }

  /** Column name to type, for a view's source columns: join keys, features and timestamps. */
  static Map<String, ValueType> sourceColumns(dev.feast.iceberg.spi.FeatureView view) {
    Map<String, ValueType> types = new LinkedHashMap<>();
    for (Field field : view.entityColumns()) {
      types.put(view.source().sourceColumn(field.name()), field.type());
    }
    for (Field field : view.features()) {
      types.put(view.source().sourceColumn(field.name()), field.type());
    }
    types.put(view.source().timestampField(), ValueType.UNIX_TIMESTAMP);
    if (view.source().hasCreatedTimestamp()) {
      types.put(view.source().createdTimestampColumn(), ValueType.UNIX_TIMESTAMP);
    }
    return types;
  }
}
