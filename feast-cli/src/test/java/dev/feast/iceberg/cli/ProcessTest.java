package dev.feast.iceberg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

  record Run(int exit, String out, String err) {}

  static Run feastIceberg(Path workingDir, String... args)
      throws IOException, InterruptedException {
    Started started = start(workingDir, args);
    if (!started.process().waitFor(2, TimeUnit.MINUTES)) {
      started.process().destroyForcibly();
      throw new AssertionError(
          "feast-iceberg " + String.join(" ", args) + " did not finish in 2 minutes");
    }
    return started.finished();
  }

  /** A command running in the background; its output goes to files until it ends. */
  record Started(Process process, Path out, Path err) {
    /** What it printed to stderr so far. */
    String errSoFar() throws IOException {
      return Files.readString(err, StandardCharsets.UTF_8);
    }

    /** Waits until stderr contains {@code text}; fails if the process ends first. */
    void awaitErr(String text) throws IOException, InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (!errSoFar().contains(text)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new AssertionError("stderr never showed '" + text + "':\n" + errSoFar());
        }
        Thread.sleep(20);
      }
    }

    /** The exit code and output of the ended process; deletes the output files. */
    Run finished() throws IOException, InterruptedException {
      int exit = process.waitFor();
      Run run =
          new Run(
              exit,
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.delete(out);
      Files.delete(err);
      return run;
    }
  }

  /** {@code java -cp <test class path> main args...}. */
  static List<String> java(Class<?> main, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
    command.addAll(List.of(args));
    return command;
  }

  static Started start(Path workingDir, String... args) throws IOException {
    List<String> command = java(FeastCli.class, args);
    Path out = Files.createTempFile(workingDir, "out", ".txt");
    Path err = Files.createTempFile(workingDir, "err", ".txt");
    Process process =
        new ProcessBuilder(command)
            .directory(workingDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    return new Started(process, out, err);
  }

  @Test
  void versionPrintsTheVersionAndThePluginsFound() throws Exception {
    Run run = feastIceberg(dir, "version");

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

    Run apply = feastIceberg(repo, "apply");
    assertThat(apply.exit()).as(apply.err()).isZero();
    assertThat(apply.out()).contains("Created feature view driver_hourly_stats");
    assertThat(
            feastIceberg(repo, "write-offline", "-v", "driver_hourly_stats", "-f", "stats.csv")
                .exit())
        .isZero();

    Run materialize = feastIceberg(repo, "materialize-incremental", CliRun.END.toString());
    assertThat(materialize.exit()).as(materialize.err()).isZero();
    assertThat(materialize.out()).contains("Materialized 5 rows of driver_hourly_stats");
    assertThat(materialize.err()).contains("started", "5 rows in").doesNotContain("\r");

    Run error = feastIceberg(repo, "materialize", "yesterday", "now");
    assertThat(error.exit()).isEqualTo(1);
    assertThat(error.out()).isEmpty();
    assertThat(error.err().lines())
        .containsExactly(
            "Error: START 'yesterday' is not a time; write it like"
                + " 2026-11-25T10:00:00Z, 2026-11-25T10:00:00 (UTC), 2026-11-25 or now");
  }
}
