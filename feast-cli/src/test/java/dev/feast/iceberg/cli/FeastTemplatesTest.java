package dev.feast.iceberg.cli;

import static dev.feast.iceberg.cli.CliRun.expectSuccess;
import static dev.feast.iceberg.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.core.config.RepoConfig;
import dev.feast.iceberg.core.config.RepoConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feast's own {@code feature_store.yaml} files, as {@code feast init} writes them: they load (every
 * key is Feast's), and {@code plan} and {@code apply} stop alike, before writing anything, on what
 * this project does not have, naming the plugins it found.
 */
class FeastTemplatesTest {
  /** The online stores on this test class path: the real one and two test plugins. */
  private static final String ONLINE_FOUND = "iceberg, no-maintenance-test, throwing-test";

  @TempDir Path dir;

  private Path template(String name) throws IOException {
    Path repo = Files.createDirectories(dir.resolve(name));
    try (InputStream in =
        getClass().getResourceAsStream("/feast-templates/" + name + "/feature_store.yaml")) {
      Files.copy(in, repo.resolve("feature_store.yaml"));
    }
    return repo;
  }

  /** plan and apply print the same notes and the same one-line error, and leave no file behind. */
  private void assertPlanAndApplyStop(Path repo, List<String> notes, String error)
      throws IOException {
    List<Path> before;
    try (var files = Files.list(repo)) {
      before = files.toList();
    }
    for (String verb : List.of("plan", "apply")) {
      CliRun.Result result = run(repo, verb);

      assertThat(result.exit()).as(verb + "\n" + result).isEqualTo(2);
      assertThat(result.out()).as(verb).isEmpty();
      assertThat(result.err().lines().toList())
          .as(verb)
          .containsExactlyElementsOf(
              Stream.concat(notes.stream().map(n -> "Note: " + n), Stream.of("Error: " + error))
                  .toList());
      try (var files = Files.list(repo)) {
        assertThat(files.toList()).as(verb).containsExactlyInAnyOrderElementsOf(before);
      }
    }
  }

  @Test
  void theLocalTemplateLoadsAndStopsOnItsSqliteOnlineStore() throws Exception {
    Path repo = template("local");

    RepoConfig config = RepoConfigLoader.load(repo);
    assertThat(config.project()).isEqualTo("my_repo");
    assertThat(config.auth().type()).isEqualTo("no_auth");
    assertThat(config.problems()).isEmpty();

    assertPlanAndApplyStop(
        repo,
        List.of(
            "feature_store.yaml line 3: registry data/registry.db is written as this project's JSON"
                + " registry, which Feast cannot read (nor this project Feast's protobuf one); a name"
                + " ending in .json keeps them apart"),
        "Unknown online store type 'sqlite' in feature_store.yaml line 7: not available here;"
            + " installed: "
            + ONLINE_FOUND);
  }

  @Test
  void theMinimalTemplateNamesThePathKeyOnceAndSaysTheTypeIsTheDefault() throws Exception {
    Path repo = template("minimal");

    assertThat(RepoConfigLoader.load(repo).onlineStore().typeWritten()).isFalse();
    assertPlanAndApplyStop(
        repo,
        List.of(
            "feature_store.yaml line 2: registry /path/to/registry.db is written as this project's"
                + " JSON registry, which Feast cannot read (nor this project Feast's protobuf one); a"
                + " name ending in .json keeps them apart"),
        "feature_store.yaml line 5: unknown key 'path' in online_store for online_store type"
            + " 'iceberg' (no type is written, so this project's default, not Feast's sqlite); known"
            + " keys: catalog, maintenance_interval_ms, namespace, orphan_file_age_ms,"
            + " partition_buckets, partition_strategy, refresh_interval_ms, serving_max_keys,"
            + " serving_memory_budget_mb, serving_mode, snapshot_retention_ms, timestamp_granularity, ttl_mode");
  }

  @Test
  void thePostgresTemplateLoadsAndStopsOnWhatIsNotHereWithoutPrintingItsPassword()
      throws Exception {
    Path repo = template("postgres");

    RepoConfig config = RepoConfigLoader.load(repo);
    assertThat(config.onlineStore().type()).isEqualTo("postgres");
    assertThat(config.offlineStore().body().get("db_schema").asText()).isEqualTo("public");

    assertPlanAndApplyStop(
        repo,
        List.of(),
        "feature_store.yaml has 3 problems:"
            + " [1] feature_store.yaml line 4: registry_type 'sql' is not available here: the registry"
            + " of this project is a JSON file on a local path; write e.g. registry: data/registry.json"
            + " [2] Unknown offline store type 'postgres' in feature_store.yaml line 20: not available"
            + " here; installed: iceberg"
            + " [3] Unknown online store type 'postgres' in feature_store.yaml line 11: not available"
            + " here; installed: "
            + ONLINE_FOUND);
  }

  @Test
  void planStopsWhereApplyWouldInsteadOfListingChanges() throws Exception {
    Path repo = CliRun.copyExample(dir.resolve("repo"));
    Path yaml = repo.resolve("feature_store.yaml");
    Files.writeString(
        yaml,
        Files.readString(yaml)
            .replace(
                "  namespace: feast_online\n",
                "  namespace: feast_online\n  path: data/online.db\n"));

    assertPlanAndApplyStop(
        repo,
        List.of(),
        "feature_store.yaml line 17: unknown key 'path' in online_store for online_store type"
            + " 'iceberg'; known keys: catalog, maintenance_interval_ms, namespace,"
            + " orphan_file_age_ms, partition_buckets, partition_strategy, refresh_interval_ms,"
            + " serving_max_keys, serving_memory_budget_mb, serving_mode, snapshot_retention_ms,"
            + " timestamp_granularity, ttl_mode");
  }

  @Test
  void feastKeysWithNoEffectHereAreNotedOnceAndTheWorkflowRuns() throws Exception {
    Path repo = CliRun.copyExample(dir.resolve("repo"));
    Path yaml = repo.resolve("feature_store.yaml");
    String text =
        Files.readString(yaml)
                .replace(
                    "registry: data/registry.json",
                    "registry:\n  path: data/registry.json\n  cache_ttl_seconds: 60")
            + """
        coerce_tz_aware: true
        flags:
          alpha_features: true
        batch_engine:
          type: local
        auth:
          type: oidc
          auth_discovery_url: https://idp.example/.well-known/openid-configuration
          client_id: feast
        feature_server:
          type: local
          enabled: true
        """;
    Files.writeString(yaml, text);
    List<String> notes =
        List.of(
            "Note: feature_store.yaml line 6: registry.cache_ttl_seconds is not used: the registry"
                + " here is re-read whenever its file changes",
            "Note: feature_store.yaml line 22: flags is not used: Feast no longer uses flags",
            "Note: feature_store.yaml line 27: auth type oidc is kept for a feature server, which"
                + " reads it; the CLI and the Java API do not authenticate",
            "Note: feature_store.yaml line 30: feature_server is kept; feast-iceberg serve does not"
                + " read its keys (its metrics are on GET /metrics of the server's port)");

    CliRun.Result plan = expectSuccess(run(repo, "plan"));
    assertThat(plan.out()).contains("Plan: 3 to add, 0 to change, 0 to delete.");
    assertThat(plan.err().lines()).containsExactlyElementsOf(notes);

    CliRun.Result apply = expectSuccess(run(repo, "apply"));
    assertThat(apply.out()).contains("Created feature view driver_hourly_stats");
    assertThat(apply.err().lines()).containsExactlyElementsOf(notes);
  }
}
