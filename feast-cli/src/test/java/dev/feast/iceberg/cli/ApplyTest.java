package dev.feast.iceberg.cli;

import static dev.feast.iceberg.cli.CliRun.expectSuccess;
import static dev.feast.iceberg.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan, apply (with removal of what is no longer declared) and teardown on a copy of the example.
 */
class ApplyTest {
  @TempDir Path dir;

  @Test
  void planShowsAdditionsWithoutTouchingTheRegistry() throws Exception {
    Path repo = CliRun.copyExample(dir);

    CliRun.Result result = expectSuccess(run(repo, "plan"));

    assertThat(result.out())
        .isEqualTo(
            """
            + entity driver
            + feature view driver_hourly_stats
            + feature service driver_activity
            Plan: 3 to add, 0 to change, 0 to delete.
            Run 'feast-iceberg apply' to make these changes.
            """);
    assertThat(repo.resolve("data/registry.json")).doesNotExist();
  }

  @Test
  void applyUpdatesChangedDefinitionsAndDeletesUndeclaredOnes() throws Exception {
    Path repo = CliRun.copyExample(dir);
    assertThat(expectSuccess(run(repo, "apply")).out())
        .isEqualTo(
            """
            Created entity driver
            Created feature view driver_hourly_stats
            Created feature service driver_activity
            Applied 1 entity, 1 feature view and 1 feature service of project driver_ranking.
            """);
    Path definitions = repo.resolve("definitions.yaml");
    String text = Files.readString(definitions);
    Files.writeString(
        definitions,
        text.replace("ttl: 1d", "ttl: 2d").substring(0, text.indexOf("feature_services:")));

    assertThat(expectSuccess(run(repo, "plan")).out())
        .contains(
            "~ feature view driver_hourly_stats (ttl: 1d -> 2d)\n"
                + "- feature service driver_activity\n"
                + "Plan: 0 to add, 1 to change, 1 to delete.");
    assertThat(expectSuccess(run(repo, "apply")).out())
        .contains(
            "Updated feature view driver_hourly_stats (ttl: 1d -> 2d)\n"
                + "Deleted feature service driver_activity\n");

    assertThat(expectSuccess(run(repo, "feature-services", "list")).out())
        .isEqualTo("NAME  FEATURES\n");
    assertThat(expectSuccess(run(repo, "feature-views", "list")).out())
        .containsPattern("driver_hourly_stats +driver +3 +2d ");
    assertThat(expectSuccess(run(repo, "apply")).out()).endsWith("(no changes).\n");
  }

  @Test
  void applyWithoutAnyDefinitionsFileRefusesRatherThanDeletingEverything() throws Exception {
    Path repo = CliRun.copyExample(dir);
    expectSuccess(run(repo, "apply"));
    Files.delete(repo.resolve("definitions.yaml"));

    CliRun.Result result = run(repo, "apply");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("Error: No definitions file in " + repo)
        .contains("feast-iceberg init");
    assertThat(expectSuccess(run(repo, "entities", "list")).out()).contains("driver");
  }

  @Test
  void teardownRemovesOnlineStorageAndTheRegistryButKeepsSources() throws Exception {
    Path repo = CliRun.loadedExample(dir.resolve("repo"));
    expectSuccess(run(repo, "materialize-incremental", CliRun.END.toString()));

    CliRun.Result result = expectSuccess(run(repo, "teardown"));

    assertThat(result.out())
        .isEqualTo(
            "Removed the online storage of 1 feature view and the registry"
                + " data/registry.json; offline source tables were kept.\n");
    assertThat(repo.resolve("data/registry.json")).doesNotExist();
    // Applying again finds the source table and its data in place.
    expectSuccess(run(repo, "apply"));
    Path output = dir.resolve("again.csv");
    expectSuccess(
        run(
            repo,
            "get-historical-features",
            "-e",
            repo.resolve("entities.csv").toString(),
            "-s",
            "driver_activity",
            "-o",
            output.toString()));
    assertThat(WorkflowTest.csvByOrder(output).get("o-1")).containsEntry("conv_rate", "0.99");
  }
}
