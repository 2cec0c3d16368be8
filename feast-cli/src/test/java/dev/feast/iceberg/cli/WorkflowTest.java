package dev.feast.iceberg.cli;

import static dev.feast.iceberg.cli.CliRun.END;
import static dev.feast.iceberg.cli.CliRun.expectSuccess;
import static dev.feast.iceberg.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feast's workflow verb by verb, in-process, on one copy of the example repository applied and
 * loaded with the sample data once. Verbs that change state run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkflowTest {
  @TempDir static Path dir;
  static Path repo;

  @BeforeAll
  static void loadExample() throws Exception {
    repo = CliRun.loadedExample(dir.resolve("repo"));
  }

  @Test
  @Order(1)
  void planAfterApplyShowsNoChange() {
    CliRun.Result result = expectSuccess(run(repo, "plan"));

    assertThat(result.out())
        .contains(
            "Plan: 0 to add, 0 to change, 0 to delete.",
            "No changes: the registry matches the definitions.");
  }

  @Test
  @Order(2)
  void listsAndDescribesWhatWasApplied() {
    assertThat(expectSuccess(run(repo, "entities", "list")).out())
        .containsPattern("NAME +JOIN KEY +TYPE +DESCRIPTION\n")
        .containsPattern("driver +driver_id +Int64 +A driver of the ride-hailing service");
    assertThat(expectSuccess(run(repo, "entities", "describe", "driver")).out())
        .contains("join_keys:", "- driver_id");
    assertThat(expectSuccess(run(repo, "feature-views", "list")).out())
        .containsPattern("driver_hourly_stats +driver +3 +1d +true +feast.driver_hourly_stats");
    assertThat(expectSuccess(run(repo, "feature-views", "describe", "driver_hourly_stats")).out())
        .contains("ttl: 1d", "dtype: Float32", "team: driver_performance", "materialized: never");
    assertThat(expectSuccess(run(repo, "feature-services", "list")).out())
        .containsPattern("driver_activity +driver_hourly_stats:\\*");
    assertThat(expectSuccess(run(repo, "feature-services", "describe", "driver_activity")).out())
        .contains("name: driver_activity", "- driver_hourly_stats");
  }

  @Test
  @Order(3)
  void registryDumpPrintsTheRegistryJson() throws Exception {
    String json = expectSuccess(run(repo, "registry-dump")).out();

    JsonNode root = new ObjectMapper().readTree(json);
    assertThat(root.path("project").asText()).isEqualTo("driver_ranking");
    assertThat(root.path("feature_views").get(0).path("name").asText())
        .isEqualTo("driver_hourly_stats");
  }

  @Test
  @Order(4)
  void historicalFeaturesToCsvArePointInTimeCorrect() throws Exception {
    Path output = dir.resolve("training.csv");

    CliRun.Result result =
        expectSuccess(
            run(
                repo,
                "get-historical-features",
                "--entities",
                repo.resolve("entities.csv").toString(),
                "--service",
                "driver_activity",
                "--output",
                output.toString()));

    assertThat(result.out())
        .contains(
            "Wrote 6 rows with columns [driver_id, event_timestamp, order_id, conv_rate,"
                + " acc_rate, avg_daily_trips]");
    assertThat(result.err())
        .contains(
            "get-historical-features  started, 6 rows to go", "get-historical-features  6 rows in");
    Map<String, Map<String, String>> byOrder = csvByOrder(output);
    assertThat(byOrder.get("o-1")).containsEntry("conv_rate", "0.99"); // the backfill wins
    assertThat(byOrder.get("o-2")).containsEntry("conv_rate", "0.92"); // the hour before
    assertThat(byOrder.get("o-3"))
        .containsEntry("conv_rate", "0.51") // exactly on the hour
        .containsEntry("event_timestamp", END.minus(Duration.ofHours(10)).toString());
    assertThat(byOrder.get("o-4")).containsEntry("conv_rate", ""); // past the ttl
    assertThat(byOrder.get("o-5")).containsEntry("conv_rate", ""); // before any data
    assertThat(byOrder.get("o-6")).containsEntry("avg_daily_trips", ""); // unknown driver
  }

  @Test
  @Order(5)
  void historicalFeaturesToParquetWithFullNames() throws Exception {
    Path output = dir.resolve("out/training.parquet");

    expectSuccess(
        run(
            repo,
            "get-historical-features",
            "-e",
            repo.resolve("entities.csv").toString(),
            "-f",
            "driver_hourly_stats:conv_rate,driver_hourly_stats:avg_daily_trips",
            "--full-feature-names",
            "-o",
            output.toString()));

    Map<Object, Object> trips = new HashMap<>();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duck.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT order_id, driver_hourly_stats__avg_daily_trips FROM read_parquet('"
                    + output
                    + "')")) {
      while (rows.next()) {
        trips.put(rows.getString(1), rows.getObject(2));
      }
    }
    assertThat(trips).hasSize(6);
    assertThat(trips).containsEntry("o-3", 30L + 10).containsEntry("o-1", 10L + 2);
  }

  @Test
  @Order(6)
  void materializeThenReadOnlineFeaturesAsJson() throws Exception {
    CliRun.Result materialized =
        expectSuccess(
            run(
                repo,
                "materialize",
                END.minus(Duration.ofDays(2)).toString(),
                END.toString(),
                "--views",
                "driver_hourly_stats"));

    assertThat(materialized.out())
        .contains(
            "Materialized 5 rows of driver_hourly_stats from "
                + END.minus(Duration.ofDays(2))
                + " to "
                + END
                + " into the iceberg online store");
    assertThat(materialized.err()).contains("driver_hourly_stats [", "  started", "  5 rows in ");

    CliRun.Result online =
        expectSuccess(
            run(
                repo,
                "get-online-features",
                "--service",
                "driver_activity",
                "-e",
                "driver_id=1001",
                "-e",
                "driver_id=1002",
                "-e",
                "driver_id=1099"));
    JsonNode json = new ObjectMapper().readTree(online.out());
    assertThat(json.path("driver_id").toString()).isEqualTo("[1001,1002,1099]");
    assertThat(json.path("conv_rate").toString()).isEqualTo("[0.07,0.14,null]");
    assertThat(json.path("avg_daily_trips").toString()).isEqualTo("[10,20,null]");

    CliRun.Result byRef =
        expectSuccess(
            run(
                repo,
                "get-online-features",
                "-f",
                "driver_hourly_stats:acc_rate",
                "--full-feature-names",
                "--entity",
                "driver_id=1003"));
    assertThat(new ObjectMapper().readTree(byRef.out()).fieldNames())
        .toIterable()
        .containsExactly("driver_id", "driver_hourly_stats__acc_rate");
  }

  @Test
  @Order(7)
  void materializeIncrementalStartsWhereTheLastOneEndedAndIsRecorded() {
    Instant later = END.plus(Duration.ofHours(1));

    CliRun.Result result = expectSuccess(run(repo, "materialize-incremental", later.toString()));

    assertThat(result.out())
        .contains("Materialized 5 rows of driver_hourly_stats from " + END + " to " + later);
    assertThat(expectSuccess(run(repo, "feature-views", "describe", "driver_hourly_stats")).out())
        .contains(
            "materialized:\n  - ["
                + END.minus(Duration.ofDays(2))
                + ", "
                + END
                + "]\n  - ["
                + END
                + ", "
                + later
                + "]");
  }

  @Test
  @Order(8)
  void maintainReportsWhatItDidPerView() {
    CliRun.Result result = expectSuccess(run(repo, "maintain"));

    assertThat(result.out())
        .containsPattern(
            "VIEW +FILES REWRITTEN +FILES WRITTEN +EXPIRED ROWS DELETED +SNAPSHOTS EXPIRED"
                + " +NOTES\n")
        .containsPattern("driver_hourly_stats +\\d+ +\\d+ +\\d+ +\\d+");
  }

  @Test
  @Order(9)
  void parquetFilesWorkAsEntityRowsAndAsDataToWrite() throws Exception {
    Path parquet = dir.resolve("new_driver.parquet");
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duck.createStatement()) {
      statement.execute(
          "COPY (SELECT 1006::BIGINT AS driver_id, TIMESTAMPTZ '"
              + END
              + "' AS event_timestamp,"
              + " 0.5::FLOAT AS conv_rate, 0.25::FLOAT AS acc_rate, 66::BIGINT AS avg_daily_trips,"
              + " TIMESTAMPTZ '"
              + END
              + "' AS created) TO '"
              + parquet
              + "' (FORMAT parquet)");
      statement.execute(
          "COPY (SELECT 1006::BIGINT AS driver_id, TIMESTAMPTZ '"
              + END.plusSeconds(60)
              + "' AS event_timestamp, 'o-7' AS order_id) TO '"
              + dir.resolve("entities.parquet")
              + "' (FORMAT parquet)");
    }

    assertThat(
            expectSuccess(
                    run(
                        repo,
                        "write-offline",
                        "--view",
                        "driver_hourly_stats",
                        "--file",
                        parquet.toString()))
                .out())
        .contains("Wrote new_driver.parquet to feast.driver_hourly_stats: 1 rows in");
    Path output = dir.resolve("new_driver.csv");
    expectSuccess(
        run(
            repo,
            "get-historical-features",
            "--entities",
            dir.resolve("entities.parquet").toString(),
            "--features",
            "driver_hourly_stats:avg_daily_trips",
            "--output",
            output.toString()));

    assertThat(csvByOrder(output).get("o-7")).containsEntry("avg_daily_trips", "66");
  }

  static Map<String, Map<String, String>> csvByOrder(Path csv) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(",", -1));
    Map<String, Map<String, String>> rows = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] values = line.split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), values[i]);
      }
      rows.put(row.get("order_id"), row);
    }
    return rows;
  }
}
