package dev.feast.iceberg.cli;

import static dev.feast.iceberg.cli.CliRun.END;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feast.iceberg.testservers.RestCatalogServer;
import dev.feast.iceberg.testservers.S3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The shaded jar as users run it ({@code java -jar feast-cli-<version>-all.jar}) on catalogs whose
 * tables live on S3 (s3proxy on 127.0.0.1, started in this JVM), through Feast's workflow from
 * {@code apply} to online reads. Only the jar's own process shows a class the jar lacks: the test
 * class path holds every module's dependencies, test servers' included.
 */
class ObjectStorageIT {
  /** The S3 secret reaches the CLI from the environment, as a user's would. */
  private static final String SECRET_VARIABLE = "FEAST_TEST_S3_SECRET";

  @TempDir Path dir;

  /** Before any server starts: skipped when surefire picks this class up. */
  @BeforeAll
  static void requireTheShadedJar() {
    CliProcess.shadedJar();
  }

  @Test
  void restCatalogWithAnS3Warehouse() throws Exception {
    RestCatalogServer rest = RestCatalogServer.sharedS3();
    Map<String, String> catalog = new LinkedHashMap<>();
    catalog.put("type", "rest");
    catalog.put("uri", rest.uri());
    catalog.putAll(s3Keys());
    catalog.put("io-impl", "org.apache.iceberg.aws.s3.S3FileIO");

    runWorkflow(catalog, rest.warehouse());
  }

  @Test
  void jdbcCatalogOnSqliteWithS3Storage() throws Exception {
    String warehouse = "s3://" + S3Server.shared().bucket("cli-jdbc-warehouse") + "/wh";
    Map<String, String> catalog = new LinkedHashMap<>();
    catalog.put("type", "jdbc");
    catalog.put("uri", "jdbc:sqlite:data/catalog.db");
    catalog.put("warehouse", warehouse);
    catalog.put("storage", "s3");
    catalog.putAll(s3Keys());

    runWorkflow(catalog, warehouse);
  }

  /** Endpoint, region and keys of the test S3 server, the secret as an environment reference. */
  private static Map<String, String> s3Keys() {
    Map<String, String> keys = new LinkedHashMap<>(S3Server.shared().fileIoProperties());
    keys.remove("io-impl");
    keys.put("s3.secret-access-key", "${" + SECRET_VARIABLE + "}");
    return keys;
  }

  private void runWorkflow(Map<String, String> catalog, String warehouse) throws Exception {
    Path repo = CliRun.copyExample(dir.resolve("repo"));
    Files.writeString(repo.resolve("feature_store.yaml"), featureStoreYaml(catalog));
    Files.writeString(repo.resolve("driver_stats.csv"), SampleCsv.driverStats(END));
    Files.writeString(repo.resolve("entities.csv"), SampleCsv.entityRows(END));

    assertThat(cli(repo, "apply").out()).contains("Created feature view driver_hourly_stats");
    cli(repo, "write-offline", "--view", "driver_hourly_stats", "--file", "driver_stats.csv");

    String historical =
        cli(
                repo,
                "get-historical-features",
                "--entities",
                "entities.csv",
                "--service",
                "driver_activity",
                "--output",
                "training.csv")
            .out();
    assertThat(historical).contains("Wrote 6 rows");
    Map<String, Map<String, String>> training =
        WorkflowTest.csvByOrder(repo.resolve("training.csv"));
    assertThat(training.get("o-1")).containsEntry("conv_rate", "0.99"); // the backfill wins
    assertThat(training.get("o-3")).containsEntry("avg_daily_trips", "40");

    String materialized =
        cli(repo, "materialize", END.minus(Duration.ofDays(2)).toString(), END.toString()).out();
    assertThat(materialized).contains("Materialized 5 rows of driver_hourly_stats");

    JsonNode online =
        new ObjectMapper()
            .readTree(
                cli(
                        repo,
                        "get-online-features",
                        "--service",
                        "driver_activity",
                        "-e",
                        "driver_id=1001",
                        "-e",
                        "driver_id=1002")
                    .out());
    assertThat(online.path("conv_rate").toString()).isEqualTo("[0.07,0.14]");
    assertThat(online.path("avg_daily_trips").toString()).isEqualTo("[10,20]");

    // One materialization wrote each key once: nothing to compact, and expiry ran on S3.
    assertThat(cli(repo, "maintain").out())
        .containsPattern("driver_hourly_stats +0 +0 +0 +\\d+ +nothing needed compaction\n");

    // Offline source and online table: data files in the bucket, none on the local disk.
    assertThat(parquetKeys(warehouse))
        .anyMatch(key -> key.startsWith("wh/feast/driver_hourly_stats/data/"))
        .anyMatch(key -> key.startsWith("wh/feast_online/driver_ranking_driver_hourly_stats/"));
    try (Stream<Path> local = Files.walk(repo)) {
      assertThat(local.map(Path::toString)).noneMatch(file -> file.endsWith(".parquet"));
    }
  }

  /** Runs the jar in {@code repo}; a failure shows what it printed (a missing class, say). */
  private static CliProcess.Run cli(Path repo, String... args) throws Exception {
    CliProcess.Run run =
        CliProcess.run(
            CliProcess.fromShadedJar(), repo, Map.of(SECRET_VARIABLE, S3Server.SECRET_KEY), args);
    assertThat(run.exit()).as("feast-iceberg %s:\n%s", String.join(" ", args), run).isZero();
    return run;
  }

  private static String featureStoreYaml(Map<String, String> catalog) {
    StringBuilder yaml =
        new StringBuilder(
            "project: driver_ranking\n"
                + "registry: data/registry.json\n"
                + "provider: local\n"
                + "offline_store:\n"
                + "  type: iceberg\n"
                + "  catalog: &catalog\n");
    catalog.forEach(
        (key, value) ->
            yaml.append("    ").append(key).append(": \"").append(value).append("\"\n"));
    return yaml.append("online_store:\n")
        .append("  type: iceberg\n")
        .append("  catalog: *catalog\n")
        .append("entity_key_serialization_version: 3\n")
        .toString();
  }

  /** The Parquet files under an {@code s3://bucket/prefix} warehouse, as bucket keys. */
  private static List<String> parquetKeys(String warehouse) {
    String path = warehouse.substring("s3://".length());
    String bucket = path.substring(0, path.indexOf('/'));
    String prefix = path.substring(bucket.length() + 1);
    try (S3Client client = S3Server.shared().client()) {
      return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
          .map(S3Object::key)
          .filter(key -> key.endsWith(".parquet"))
          .toList();
    }
  }
}
