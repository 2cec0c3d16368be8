package dev.feast.iceberg.benchmarks.online;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.mapping.MappingUtil;
import org.apache.iceberg.mapping.NameMapping;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.parquet.ParquetUtil;
import org.apache.iceberg.types.Types;

/**
 * The offline Iceberg table the benchmark's view reads from ({@code raw.entity_features}: {@code
 * entity_id}, the features, {@code event_timestamp}, {@code created}), holding the values the
 * benchmark writes online, one row per entity. DuckDB writes the Parquet file (setting up is not
 * what is measured); it is appended with metrics read from its footer, columns mapped by name.
 */
final class OfflineSource {
  static final TableIdentifier TABLE = TableIdentifier.of("raw", "entity_features");

  private OfflineSource() {}

  /** Creates the table with {@code entities} rows of {@code features} features at {@code BASE}. */
  static void create(Catalog catalog, List<String> features, int entities, Path dir)
      throws IOException, SQLException {
    List<Types.NestedField> columns = new ArrayList<>();
    int id = 1;
    columns.add(Types.NestedField.required(id++, "entity_id", Types.LongType.get()));
    List<String> select = new ArrayList<>(List.of("i::BIGINT AS entity_id"));
    for (int j = 0; j < features.size(); j++) {
      // The values of OnlineBenchmark.values(i, 0), computed alike.
      boolean isDouble = j % 2 == 0;
      columns.add(
          Types.NestedField.optional(
              id++, features.get(j), isDouble ? Types.DoubleType.get() : Types.LongType.get()));
      select.add(
          isDouble
              ? "(i * 0.001::DOUBLE + " + j + ")::DOUBLE AS " + features.get(j)
              : "(i * 64 + " + j + ")::BIGINT AS " + features.get(j));
    }
    columns.add(
        Types.NestedField.required(id++, "event_timestamp", Types.TimestampType.withZone()));
    columns.add(Types.NestedField.optional(id, "created", Types.TimestampType.withZone()));
    String base = "TIMESTAMPTZ '" + OnlineBenchmark.BASE + "'";
    select.add(base + " AS event_timestamp");
    select.add(base + " AS created");
    Schema schema = new Schema(columns);

    if (catalog instanceof SupportsNamespaces namespaces
        && !namespaces.namespaceExists(Namespace.of("raw"))) {
      namespaces.createNamespace(Namespace.of("raw"));
    }
    NameMapping mapping = MappingUtil.create(schema);
    Table table =
        catalog
            .buildTable(TABLE, schema)
            .withPartitionSpec(PartitionSpec.unpartitioned())
            .withProperty(TableProperties.DEFAULT_NAME_MAPPING, NameMappingParser.toJson(mapping))
            .create();
    Path file = Files.createDirectories(dir.resolve("offline-source")).resolve("rows.parquet");
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute(
          "COPY (SELECT "
              + String.join(", ", select)
              + " FROM range("
              + entities
              + ") t(i)) TO '"
              + file
              + "' (FORMAT parquet)");
    }
    InputFile input = table.io().newInputFile(file.toString());
    DataFile data =
        DataFiles.builder(table.spec())
            .withInputFile(input)
            .withFormat(FileFormat.PARQUET)
            .withMetrics(ParquetUtil.fileMetrics(input, MetricsConfig.forTable(table), mapping))
            .build();
    table.newAppend().appendFile(data).commit();
  }
}
