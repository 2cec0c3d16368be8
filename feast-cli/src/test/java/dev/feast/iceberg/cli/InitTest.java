package dev.feast.iceberg.cli;

import static dev.feast.iceberg.cli.CliRun.END;
import static dev.feast.iceberg.cli.CliRun.expectSuccess;
import static dev.feast.iceberg.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init writes a repository on which the README's workflow runs as written. */
class InitTest {
  @TempDir Path dir;

  @Test
  void theTemplateRunsTheWholeWorkflow() throws Exception {
    CliRun.Result init = expectSuccess(run(dir, "init", "my-repo"));
    Path repo = dir.resolve("my-repo");

    assertThat(init.out())
        .contains("Created the feature repository " + repo + " (project my_repo).");
    assertThat(repo.resolve("feature_store.yaml"))
        .content()
        .contains("project: my_repo", "type: jdbc");
    assertThat(repo.resolve("README.md"))
        .content()
        .contains("feast-iceberg write-offline", "ending at " + END);
    assertThat(repo.resolve(".gitignore")).content().contains("data/");

    expectSuccess(run(repo, "apply"));
    assertThat(
            expectSuccess(
                    run(
                        repo,
                        "write-offline",
                        "--view",
                        "driver_hourly_stats",
                        "--file",
                        repo.resolve("driver_stats.csv").toString()))
                .out())
        .contains("Wrote driver_stats.csv to feast.driver_hourly_stats: 241 rows in");
    Path training = dir.resolve("training.csv");
    expectSuccess(
        run(
            repo,
            "get-historical-features",
            "--entities",
            repo.resolve("entities.csv").toString(),
            "--service",
            "driver_activity",
            "--output",
            training.toString()));
    assertThat(WorkflowTest.csvByOrder(training).get("o-1")).containsEntry("conv_rate", "0.99");
    assertThat(expectSuccess(run(repo, "materialize-incremental", "now")).out())
        .contains(
            "Materialized 5 rows of driver_hourly_stats from "
                + END.plusSeconds(600).minusSeconds(86_400));
    String json =
        expectSuccess(
                run(
                    repo,
                    "get-online-features",
                    "--service",
                    "driver_activity",
                    "-e",
                    "driver_id=1001",
                    "-e",
                    "driver_id=1002"))
            .out();
    assertThat(new ObjectMapper().readTree(json).path("avg_daily_trips").toString())
        .isEqualTo("[10,20]");
  }

  @Test
  void aNonEmptyFolderIsLeftAlone() throws Exception {
    Files.writeString(dir.resolve("keep.txt"), "mine");

    CliRun.Result result = run(dir, "init", ".");

    ErrorsTest.assertOneLineError(
        result, ErrorsTest.USER, "exists and is not empty; choose a new folder name");
    assertThat(dir.resolve("feature_store.yaml")).doesNotExist();
  }
}
