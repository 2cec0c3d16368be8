package dev.feast.iceberg.offline.entity;

import static dev.feast.iceberg.common.Sql.id;
import static dev.feast.iceberg.common.Sql.literal;

import dev.feast.iceberg.common.Sql;
import dev.feast.iceberg.common.TypeMapping;
import dev.feast.iceberg.offline.scan.FileLocator;
import dev.feast.iceberg.offline.scan.SourceFiles;
import dev.feast.iceberg.offline.scan.SourcePlanner;
import dev.feast.iceberg.offline.scan.TimeRange;
import dev.feast.iceberg.offline.sql.EntityRelation;
import dev.feast.iceberg.offline.sql.SourceRelation;
import dev.feast.iceberg.offline.values.JdbcValues;
import dev.feast.iceberg.offline.values.Values;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.InvalidEntityRowsException;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import dev.feast.iceberg.spi.UnsupportedFeatureException;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.EntitySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.types.Types;

/**
 * Loads entity rows into a DuckDB temporary table with a row number that keeps their order. Values
 * held in memory are bound as parameters; files are read by DuckDB. Every column is normalized to
 * the DuckDB type of its Feast type, so timestamps become {@code TIMESTAMPTZ} (naive ones UTC).
 */
public final class EntityLoader {
  static final String TABLE = "__feast_entities";
  static final String ROW = "__feast_row";
  private static final String RAW = "__feast_entities_raw";
  private static final String FILE_ROW_NUMBER = "file_row_number";
  private static final String EVENT_TIMESTAMP = "event_timestamp";
  private static final int BATCH = 10_000;

  private EntityLoader() {}

  /**
   * The entity timestamp column: {@code event_timestamp}, else the only timestamp column; fails
   * listing the columns otherwise.
   */
  public static String timestampColumn(List<Field> columns) {
    List<String> timestamps = new ArrayList<>();
    for (Field field : columns) {
      if (field.name().equals(EVENT_TIMESTAMP)) {
        if (field.type() != ValueType.UNIX_TIMESTAMP) {
          throw new InvalidEntityRowsException(
              "Entity column 'event_timestamp' is "
                  + field.type().feastName()
                  + ", not a timestamp; give it timestamps (Instant, OffsetDateTime, ...)");
        }
        return field.name();
      }
      if (field.type() == ValueType.UNIX_TIMESTAMP) {
        timestamps.add(field.name());
      }
    }
    if (timestamps.size() == 1) {
      return timestamps.get(0);
    }
    List<String> names = columns.stream().map(Field::name).toList();
    throw new InvalidEntityRowsException(
        timestamps.isEmpty()
            ? "Entity rows have no timestamp column (columns: "
                + names
                + "); add an 'event_timestamp' column"
            : "Entity rows have several timestamp columns "
                + timestamps
                + " and none is named 'event_timestamp'; rename the one to join on");
  }

  /** Loads the rows and reads their time range. */
  public static EntityRows load(
      Connection connection, EntitySource source, Catalog catalog, FileLocator locator)
      throws SQLException {
    List<Field> fields;
    if (source instanceof EntitySource.Rows rows) {
      fields = loadRows(connection, rows.rows());
    } else if (source instanceof EntitySource.ParquetFile file) {
      fields = loadParquet(connection, file.path());
    } else {
      fields = loadRelation(connection, relation(source, catalog, locator));
    }
    String timestamp = timestampColumn(fields);
    List<String> names = fields.stream().map(Field::name).toList();
    Long min = null;
    Long max = null;
    try (Statement statement = connection.createStatement();
        ResultSet range =
            statement.executeQuery(
                "SELECT epoch_us(min("
                    + id(timestamp)
                    + ")), epoch_us(max("
                    + id(timestamp)
                    + ")) FROM "
                    + id(TABLE))) {
      if (range.next()) {
        min = (Long) range.getObject(1);
        max = (Long) range.getObject(2);
      }
    }
    return new EntityRows(new EntityRelation(TABLE, ROW, names, timestamp), fields, min, max);
  }

  private static List<Field> loadRows(Connection connection, RowSet rows) throws SQLException {
    List<Field> fields = new ArrayList<>();
    for (Field field : rows.columns()) {
      requireUserName(field.name());
      fields.add(field);
    }
    timestampColumn(fields);
    // A plain table (the database is the job's own) so the appender can reach it.
    StringBuilder create = new StringBuilder("CREATE TABLE ").append(id(TABLE));
    create.append(" (").append(id(ROW)).append(" BIGINT");
    for (Field field : fields) {
      create.append(", ").append(id(field.name())).append(" ");
      create.append(TypeMapping.duckDbType(field.type()));
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(create.append(")").toString());
    }
    if (EntityAppender.supports(fields)) {
      EntityAppender.append(
          connection,
          TABLE,
          fields,
          rows,
          (r, c) -> normalizeEntity(rows.rows().get(r).get(c), fields.get(c), r));
      return fields;
    }
    String insert =
        "INSERT INTO "
            + id(TABLE)
            + " VALUES (?"
            + String.join("", Collections.nCopies(fields.size(), ", ?"))
            + ")";
    try (PreparedStatement statement = connection.prepareStatement(insert)) {
      for (int r = 0; r < rows.size(); r++) {
        List<Object> row = rows.rows().get(r);
        statement.setLong(1, r);
        for (int c = 0; c < fields.size(); c++) {
          Field field = fields.get(c);
          Object value = normalizeEntity(row.get(c), field, r);
          statement.setObject(c + 2, JdbcValues.toJdbc(connection, value, field.type()));
        }
        statement.addBatch();
        if ((r + 1) % BATCH == 0) {
          statement.executeBatch();
        }
      }
      statement.executeBatch();
    }
    return fields;
  }

  private static Object normalizeEntity(Object value, Field field, int row) {
    try {
      return Values.normalize(value, field.type(), field.name());
    } catch (RuntimeException e) {
      throw new InvalidEntityRowsException("Entity row " + row + ": " + e.getMessage());
    }
  }

  /** A relation DuckDB reads the entity rows from. */
  private static String relation(EntitySource source, Catalog catalog, FileLocator locator) {
    if (source instanceof EntitySource.ParquetFile file) {
      return "SELECT * FROM read_parquet(" + literal(existing(file.path())) + ")";
    } else if (source instanceof EntitySource.CsvFile file) {
      return "SELECT * FROM read_csv(" + literal(existing(file.path())) + ", header = true)";
    } else if (source instanceof EntitySource.IcebergTable table) {
      return icebergRelation(catalog, table, locator);
    }
    throw new UnsupportedFeatureException("Iceberg offline", "entity rows from " + source);
  }

  private static String existing(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new InvalidEntityRowsException("Entity rows file " + path + " does not exist");
    }
    return path.toAbsolutePath().toString();
  }

  /** The table's columns, cast to the DuckDB types of their Feast types, from its data files. */
  private static String icebergRelation(
      Catalog catalog, EntitySource.IcebergTable source, FileLocator locator) {
    Table table;
    try {
      table = catalog.loadTable(source.table());
    } catch (NoSuchTableException e) {
      throw new UnknownDefinitionException(
          "Entity table " + source.table() + " does not exist in catalog '" + catalog.name() + "'");
    }
    SourceFiles files = SourcePlanner.plan(table, "", TimeRange.ALL, false, locator);
    if (files.hasDeletes()) {
      throw new UnsupportedFeatureException(
          "Iceberg offline",
          "entity tables with delete files yet (" + source.table() + "); compact the table first");
    }
    List<String> columns = new ArrayList<>();
    for (Types.NestedField field : table.schema().columns()) {
      String type = TypeMapping.duckDbType(TypeMapping.valueType(field.name(), field.type()));
      String from = files.dataFiles().isEmpty() ? "NULL" : id(field.name());
      columns.add("CAST(" + from + " AS " + type + ") AS " + id(field.name()));
    }
    String select = "SELECT " + String.join(", ", columns);
    List<String> names = table.schema().columns().stream().map(Types.NestedField::name).toList();
    return files.dataFiles().isEmpty()
        ? select + " WHERE false"
        : select
            + " FROM read_parquet("
            + Sql.stringList(files.dataFiles())
            + SourceRelation.readOptions(files, names)
            + ")";
  }

  /**
   * Reads a Parquet file in one pass: its row positions number the rows, so no copy is sorted.
   * Files with a column of the position's own name take the general path.
   */
  private static List<Field> loadParquet(Connection connection, Path path) throws SQLException {
    String file = literal(existing(path));
    List<Field> fields = new ArrayList<>();
    List<String> projections = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      describe(statement, "DESCRIBE SELECT * FROM read_parquet(" + file + ")", fields, projections);
      if (fields.stream().anyMatch(f -> f.name().equals(FILE_ROW_NUMBER))) {
        return loadRelation(connection, "SELECT * FROM read_parquet(" + file + ")");
      }
      statement.execute(
          "CREATE TEMP TABLE "
              + id(TABLE)
              + " AS SELECT "
              + FILE_ROW_NUMBER
              + " AS "
              + id(ROW)
              + ", "
              + String.join(", ", projections)
              + " FROM read_parquet("
              + file
              + ", file_row_number = true)");
    }
    return fields;
  }

  /** The columns a DESCRIBE lists, with casts to the DuckDB types of their Feast types. */
  private static void describe(
      Statement statement, String describe, List<Field> fields, List<String> projections)
      throws SQLException {
    try (ResultSet columns = statement.executeQuery(describe)) {
      while (columns.next()) {
        String name = columns.getString("column_name");
        requireUserName(name);
        String duckType = columns.getString("column_type").toUpperCase(Locale.ROOT);
        ValueType type = duckType.equals("UUID") ? null : TypeMapping.fromDuckDb(duckType);
        // Types Feast lacks pass through as text rather than failing the whole retrieval.
        type = type == null ? ValueType.STRING : type;
        fields.add(new Field(name, type));
        projections.add(
            "CAST(" + id(name) + " AS " + TypeMapping.duckDbType(type) + ") AS " + id(name));
      }
    }
  }

  /** Copies the relation, then numbers its rows in insertion order and normalizes the types. */
  private static List<Field> loadRelation(Connection connection, String relation)
      throws SQLException {
    List<Field> fields = new ArrayList<>();
    List<String> projections = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TEMP TABLE " + id(RAW) + " AS " + relation);
      describe(statement, "DESCRIBE " + id(RAW), fields, projections);
      // A table's rowid follows insertion order, which DuckDB keeps when copying a file.
      statement.execute(
          "CREATE TEMP TABLE "
              + id(TABLE)
              + " AS SELECT rowid AS "
              + id(ROW)
              + ", "
              + String.join(", ", projections)
              + " FROM "
              + id(RAW)
              + " ORDER BY rowid");
      statement.execute("DROP TABLE " + id(RAW));
    }
    return fields;
  }

  private static void requireUserName(String name) {
    if (name.startsWith("__feast_")) {
      throw new InvalidEntityRowsException(
          "Entity column '" + name + "' uses the reserved prefix __feast_; rename it");
    }
  }
}
