package dev.feast.iceberg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feast.iceberg.core.FeatureStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command as a real process ({@code java -cp <test class path>
 * dev.feast.iceberg.cli.FeastCli}), run in the repository folder as a user would: exit codes,
 * stdout for results, stderr for progress and errors, plain progress lines since stdout is not a
 * terminal.
 */
class ProcessTest {
  @TempDir Path dir;

  static CliProcess.Run feastIceberg(Path workingDir, String... args)
      throws IOException, InterruptedException {
    return CliProcess.run(CliProcess.fromClassPath(), workingDir, Map.of(), args);
  }

  @Test
  void versionPrintsTheVersionAndThePluginsFound() throws Exception {
    CliProcess.Run run = feastIceberg(dir, "version");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("feast-iceberg 0.1.0")
        .contains("offline stores: iceberg", "online stores: iceberg")
        .containsPattern("catalogs: .*jdbc");
  }

  @Test
  void theWorkflowInTheRepositoryFolderWithPlainProgressAndExitCodes() throws Exception {
    Path repo = CliRun.copyExample(dir.resolve("repo"));
    Files.writeString(repo.resolve("stats.csv"), SampleCsv.driverStats(CliRun.END));

    CliProcess.Run apply = feastIceberg(repo, "apply");
    assertThat(apply.exit()).as(apply.err()).isZero();
    assertThat(apply.out()).contains("Created feature view driver_hourly_stats");
    assertThat(
            feastIceberg(repo, "write-offline", "-v", "driver_hourly_stats", "-f", "stats.csv")
                .exit())
        .isZero();

    CliProcess.Run materialize =
        feastIceberg(repo, "materialize-incremental", CliRun.END.toString());
    assertThat(materialize.exit()).as(materialize.err()).isZero();
    assertThat(materialize.out()).contains("Materialized 5 rows of driver_hourly_stats");
    assertThat(materialize.err()).contains("started", "5 rows in").doesNotContain("\r");

    CliProcess.Run error = feastIceberg(repo, "materialize", "yesterday", "now");
    assertThat(error.exit()).isEqualTo(2);
    assertThat(error.out()).isEmpty();
    assertThat(error.err().lines())
        .containsExactly(
            "Error: START 'yesterday' is not a time; write it like"
                + " 2026-11-25T10:00:00Z, 2026-11-25T10:00:00 (UTC), 2026-11-25 or now");
  }

  /** The example repository with its feature_store.yaml changed. */
  private Path example(String from, String to) throws IOException {
    Path repo = CliRun.copyExample(dir.resolve("repo"));
    Path yaml = repo.resolve("feature_store.yaml");
    Files.writeString(yaml, Files.readString(yaml).replace(from, to));
    return repo;
  }

  @Test
  void aRegistryOnObjectStorageIsRefusedAndNothingIsCreated() throws Exception {
    Path repo = example("registry: data/registry.json", "registry: s3://bucket/registry.db");

    CliProcess.Run apply = feastIceberg(repo, "apply");

    assertThat(apply.exit()).isEqualTo(2);
    assertThat(apply.err().lines())
        .containsExactly(
            "Error: feature_store.yaml line 4: registry 's3://bucket/registry.db' is on s3, which this"
                + " project cannot write: the registry is a JSON file on a local path (absolute, or"
                + " relative to the repository folder); write e.g. registry: data/registry.json");
    try (var files = Files.list(repo)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("feature_store.yaml", "definitions.yaml");
    }
  }

  @Test
  void feastsProtobufRegistryIsRefusedAndLeftAsItIs() throws Exception {
    Path repo = example("registry: data/registry.json", "registry: data/registry.db");
    Path registry = Files.createDirectories(repo.resolve("data")).resolve("registry.db");
    byte[] feast = FeastRegistryFile.withDriverEntity("driver_ranking");
    Files.write(registry, feast);

    for (String verb : List.of("plan", "apply")) {
      CliProcess.Run run = feastIceberg(repo, verb);

      assertThat(run.exit()).as(verb).isEqualTo(2);
      assertThat(run.err().lines())
          .as(verb)
          .containsExactly(
              "Note: feature_store.yaml line 4: registry data/registry.db is written as this"
                  + " project's JSON registry, which Feast cannot read (nor this project Feast's"
                  + " protobuf one); a name ending in .json keeps them apart",
              "Error: The registry "
                  + registry.toRealPath()
                  + " is Feast's protobuf registry (a"
                  + " binary file), which this project does not read; point registry: in"
                  + " feature_store.yaml at a new path such as data/registry.json and run apply"
                  + " (the Feast file is left as it is)");
    }
    assertThat(Files.readAllBytes(registry)).isEqualTo(feast);
    try (var files = Files.list(registry.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("registry.db");
    }
  }

  @Test
  void aCloudProviderWithoutStoreTypesAndAStoreKeyOfAnotherTypeAreReportedTogether()
      throws Exception {
    Files.writeString(
        dir.resolve("feature_store.yaml"),
        "project: p\nprovider: aws\nonline_store:\n  path: data/online_store.db\n");

    CliProcess.Run plan = feastIceberg(dir, "plan");

    assertThat(plan.exit()).isEqualTo(2);
    assertThat(plan.out()).isEmpty();
    assertThat(plan.err().lines())
        .singleElement()
        .asString()
        .startsWith(
            "Error: feature_store.yaml has 2 problems: [1] feature_store.yaml line 2: provider 'aws'"
                + " leaves offline_store and online_store to Feast's aws defaults, which this"
                + " project does not have; write the type of offline_store and online_store (e.g."
                + " type: iceberg), or provider: local for this project's defaults [2]"
                + " feature_store.yaml line 4: unknown key 'path' in online_store for online_store"
                + " type 'iceberg' (no type is written, so this project's default, not Feast's"
                + " sqlite); known keys: catalog,");
  }

  @Test
  void getOnlineFeaturesFromTheDataFilesAnswersAsTheLibrarysInMemoryRead() throws Exception {
    Path repo = CliRun.copyExample(dir.resolve("repo"));
    CliRun.expectSuccess(CliRun.run(repo, "apply"));
    // Four materializations into the online table: batch a, then b's newer value of 1001 and
    // 1002, a later-created tie of 1004, an older row of 1003 committed last (it must not win),
    // and 1006, whose only value is older than the view's ttl (1 day).
    writeOffline(
        repo,
        "a.csv",
        List.of(
            stats(1001, 20, 0.11, 1, 0),
            stats(1002, 20, 0.12, 2, 0),
            stats(1003, 20, 0.13, 3, 0),
            stats(1004, 20, 0.14, 4, 0),
            stats(1005, 20, 0.15, 5, 0),
            stats(1006, 30, 0.16, 6, 0)));
    materialize(repo, 48, 10);
    writeOffline(
        repo,
        "b.csv",
        List.of(
            stats(1001, 2, 0.21, 11, 0),
            stats(1002, 2, 0.22, 12, 0),
            stats(1003, 25, 0.23, 13, 0),
            stats(1004, 20, 0.24, 14, 10)));
    materialize(repo, 26, 19);
    materialize(repo, 3, 0);
    materialize(repo, 48, 24);
    List<String> keys = List.of("1001", "1003", "1004", "1006", "4242", "1002");

    List<String> args =
        new ArrayList<>(List.of("get-online-features", "--service", "driver_activity"));
    keys.forEach(key -> args.addAll(List.of("-e", "driver_id=" + key)));
    CliProcess.Run run = feastIceberg(repo, args.toArray(String[]::new));

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode cli = new ObjectMapper().readTree(run.out());
    assertThat(cli).isEqualTo(inMemory(repo, keys));
    assertThat(cli.path("conv_rate").toString()).isEqualTo("[0.21,0.13,0.24,null,null,0.22]");
    assertThat(cli.path("avg_daily_trips").toString()).isEqualTo("[11,3,14,null,null,12]");
  }

  /** What the library's default in-memory read returns, as the CLI prints it. */
  private static JsonNode inMemory(Path repo, List<String> keys) throws IOException {
    List<Map<String, ?>> rows = new ArrayList<>();
    keys.forEach(key -> rows.add(Map.of("driver_id", Long.parseLong(key))));
    try (FeatureStore store = FeatureStore.open(repo)) {
      assertThat(store.config().onlineStore().body().has(OneOffReads.SERVING_MODE)).isFalse();
      Map<String, Object> dict = new LinkedHashMap<>();
      store
          .getOnlineFeatures("driver_activity", rows, false)
          .toDict()
          .forEach((column, values) -> dict.put(column, JsonValues.of(values)));
      ObjectMapper json = new ObjectMapper();
      return json.readTree(json.writeValueAsString(dict));
    }
  }

  /** A row of the example's source: event {@code hoursAgo} before the sample end. */
  private static String stats(
      long driver, int hoursAgo, double convRate, long trips, int createdLater) {
    Instant event = CliRun.END.minus(Duration.ofHours(hoursAgo));
    return driver
        + ","
        + event
        + ","
        + convRate
        + ",0.5,"
        + trips
        + ","
        + event.plusSeconds(60 + createdLater);
  }

  private static void writeOffline(Path repo, String name, List<String> rows) throws IOException {
    Path file = repo.resolve(name);
    Files.writeString(
        file,
        "driver_id,event_timestamp,conv_rate,acc_rate,avg_daily_trips,created\n"
            + String.join("\n", rows)
            + "\n");
    CliRun.expectSuccess(
        CliRun.run(
            repo, "write-offline", "--view", "driver_hourly_stats", "--file", file.toString()));
  }

  /** Materializes the events from {@code fromHoursAgo} to {@code toHoursAgo} before the end. */
  private static void materialize(Path repo, int fromHoursAgo, int toHoursAgo) {
    CliRun.expectSuccess(
        CliRun.run(
            repo,
            "materialize",
            CliRun.END.minus(Duration.ofHours(fromHoursAgo)).toString(),
            CliRun.END.minus(Duration.ofHours(toHoursAgo)).toString()));
  }
}
