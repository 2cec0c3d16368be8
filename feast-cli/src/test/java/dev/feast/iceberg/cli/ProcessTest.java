package dev.feast.iceberg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    assertThat(error.exit()).isEqualTo(1);
    assertThat(error.out()).isEmpty();
    assertThat(error.err().lines())
        .containsExactly(
            "Error: START 'yesterday' is not a time; write it like"
                + " 2026-11-25T10:00:00Z, 2026-11-25T10:00:00 (UTC), 2026-11-25 or now");
  }
}
