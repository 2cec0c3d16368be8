package dev.feast.iceberg.benchmarks.offline;

import dev.feast.iceberg.common.Sql;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.ValueType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.parquet.ParquetUtil;
import org.apache.iceberg.types.Types;

/**
 * The benchmark's data: per view, {@code entities × hours} hourly rows written by DuckDB as Parquet
 * files (with Iceberg field ids) and registered in an Iceberg table; every 100th hour repeats the
 * previous hour's event timestamp with a later created timestamp (a backfill that must win the
 * tie). Entity rows go to one Parquet file: random entities at random instants over the whole span,
 * some before the first feature row and some past every ttl.
 */
public final class BenchmarkData {
  static final String T0 = "TIMESTAMPTZ '2024-01-01 00:00:00+00'";
  public static final Duration TTL = Duration.ofDays(2);
  static final Entity ENTITY = Entity.of("entity", "entity_id", ValueType.INT64);
  private static final int FILES_PER_VIEW = 10;

  final Path dir;
  final int entities;
  final int hours;
  public final int entityRows;
  public final int views;
  public final Path entityFile;
  final List<List<String>> viewFiles = new ArrayList<>();
  public final List<FeatureView> featureViews = new ArrayList<>();

  public BenchmarkData(Path dir, int entities, int hours, int entityRows, int views) {
    this.dir = dir;
    this.entities = entities;
    this.hours = hours;
    this.entityRows = entityRows;
    this.views = views;
    this.entityFile = dir.resolve("data/entities.parquet");
    for (int v = 0; v < views; v++) {
      List<String> files = new ArrayList<>();
      for (int c = 0; c < FILES_PER_VIEW; c++) {
        files.add(dir.resolve("data/view_" + v + "/part-" + c + ".parquet").toString());
      }
      viewFiles.add(files);
      featureViews.add(
          FeatureView.builder("view_" + v)
              .entity(ENTITY)
              .feature("f_double", ValueType.DOUBLE)
              .feature("f_float", ValueType.FLOAT)
              .feature("f_long", ValueType.INT64)
              .ttl(TTL)
              .source(IcebergSource.of("bench.view_" + v, "event_ts", "created"))
              .build());
    }
  }

  public long featureRowsPerView() {
    return (long) entities * hours;
  }

  /** Writes the files and tables unless a previous run left them for the same sizes. */
  public void prepare(Connection duckdb, Catalog catalog) throws SQLException, IOException {
    Path marker = dir.resolve("data/READY");
    String params = entities + " " + hours + " " + entityRows + " " + views;
    if (Files.exists(marker) && Files.readString(marker).equals(params)) {
      return;
    }
    deleteTree(dir.resolve("data"));
    Files.createDirectories(dir.resolve("data"));
    try (Statement statement = duckdb.createStatement()) {
      for (int v = 0; v < views; v++) {
        Files.createDirectories(dir.resolve("data/view_" + v));
        for (int c = 0; c < FILES_PER_VIEW; c++) {
          int from = c * hours / FILES_PER_VIEW;
          int to = (c + 1) * hours / FILES_PER_VIEW;
          statement.execute(featureCopy(v, from, to, viewFiles.get(v).get(c)));
        }
      }
      statement.execute(entityCopy());
    }
    register(catalog);
    Files.writeString(marker, params);
  }

  private String featureCopy(int v, int fromHour, int toHour, String file) {
    // Hour h % 100 == 50 is a backfill of hour h - 1: same event timestamp, later created.
    String eventHour = "CASE WHEN h % 100 = 50 THEN h - 1 ELSE h END";
    String createdMinutes = "CASE WHEN h % 100 = 50 THEN 30 ELSE 10 END";
    return "COPY (SELECT CAST(e AS BIGINT) AS entity_id, "
        + T0
        + " + to_hours(CAST("
        + eventHour
        + " AS BIGINT)) AS event_ts, "
        + T0
        + " + to_hours(CAST("
        + eventHour
        + " AS BIGINT)) + to_minutes(CAST("
        + createdMinutes
        + " AS BIGINT)) AS created, "
        + "CAST(hash(e, h, "
        + v
        + ", 0) % 1000000 AS DOUBLE) / 1000 AS f_double, "
        + "CAST(hash(e, h, "
        + v
        + ", 1) % 1000 AS FLOAT) / 10 AS f_float, "
        + "CAST(hash(e, h, "
        + v
        + ", 2) % 1000000 AS BIGINT) AS f_long "
        + "FROM range("
        + fromHour
        + ", "
        + toHour
        + ") hs(h), range(0, "
        + entities
        + ") es(e) "
        + "ORDER BY h, e) TO "
        + Sql.literal(file)
        + " (FORMAT parquet, FIELD_IDS {entity_id: 1, event_ts: 2, created: 3, f_double: 4,"
        + " f_float: 5, f_long: 6})";
  }

  private String entityCopy() {
    long span = (hours + 72L) * 3_600_000_000L;
    return "COPY (SELECT CAST(hash(i, 'entity') % "
        + entities
        + " AS BIGINT) AS entity_id, "
        + T0
        + " - INTERVAL 12 HOUR + to_microseconds(CAST(hash(i, 'time') % "
        + span
        + " AS BIGINT)) AS event_timestamp FROM range(0, "
        + entityRows
        + ") r(i)) TO "
        + Sql.literal(entityFile.toString())
        + " (FORMAT parquet)";
  }

  private void register(Catalog catalog) {
    Schema schema =
        new Schema(
            Types.NestedField.optional(1, "entity_id", Types.LongType.get()),
            Types.NestedField.optional(2, "event_ts", Types.TimestampType.withZone()),
            Types.NestedField.optional(3, "created", Types.TimestampType.withZone()),
            Types.NestedField.optional(4, "f_double", Types.DoubleType.get()),
            Types.NestedField.optional(5, "f_float", Types.FloatType.get()),
            Types.NestedField.optional(6, "f_long", Types.LongType.get()));
    if (catalog instanceof SupportsNamespaces namespaces
        && !namespaces.namespaceExists(Namespace.of("bench"))) {
      namespaces.createNamespace(Namespace.of("bench"));
    }
    for (int v = 0; v < views; v++) {
      TableIdentifier id = TableIdentifier.of("bench", "view_" + v);
      if (catalog.tableExists(id)) {
        catalog.dropTable(id, false);
      }
      Table table = catalog.createTable(id, schema, PartitionSpec.unpartitioned());
      MetricsConfig metrics = MetricsConfig.forTable(table);
      var append = table.newFastAppend();
      for (String file : viewFiles.get(v)) {
        InputFile input = org.apache.iceberg.Files.localInput(file);
        DataFile data =
            DataFiles.builder(table.spec())
                .withInputFile(input)
                .withFormat(FileFormat.PARQUET)
                .withMetrics(ParquetUtil.fileMetrics(input, metrics))
                .build();
        append.appendFile(data);
      }
      append.commit();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
