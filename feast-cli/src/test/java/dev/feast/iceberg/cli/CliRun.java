package dev.feast.iceberg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in-process with captured output, on a feature repository folder. */
final class CliRun {
  /**
   * The sample data ends at this hour; online values older than the ttl (1 day) read as expired.
   */
  static final Instant END = Instant.now().truncatedTo(ChronoUnit.HOURS);

  static final Path EXAMPLE = Path.of("../examples/iceberg-local").toAbsolutePath().normalize();

  /** What a run printed and returned. */
  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  private CliRun() {}

  static Result run(Path repo, String... args) {
    return run(
        new CliEnvironment(
            false, Clock.fixed(END.plusSeconds(600), ZoneOffset.UTC), System::nanoTime),
        repo,
        args);
  }

  static Result run(CliEnvironment environment, Path repo, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    if (repo != null) {
      all.add("--repo");
      all.add(repo.toString());
    }
    int exit =
        FeastCli.execute(
            environment,
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            all.toArray(String[]::new));
    return new Result(exit, out.toString(), err.toString());
  }

  /**
   * A copy of the example repository (configuration and YAML definitions, no data) in {@code dir}.
   */
  static Path copyExample(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String file : List.of("feature_store.yaml", "definitions.yaml")) {
      Files.copy(EXAMPLE.resolve(file), dir.resolve(file));
    }
    return dir;
  }

  /** The example copied, applied and loaded with the sample data ending at {@link #END}. */
  static Path loadedExample(Path dir) throws IOException {
    copyExample(dir);
    Path data = dir.resolve("driver_stats.csv");
    Files.writeString(data, SampleCsv.driverStats(END));
    Files.writeString(dir.resolve("entities.csv"), SampleCsv.entityRows(END));
    expectSuccess(run(dir, "apply"));
    expectSuccess(
        run(dir, "write-offline", "--view", "driver_hourly_stats", "--file", data.toString()));
    return dir;
  }

  static Result expectSuccess(Result result) {
    if (result.exit() != 0) {
      throw new AssertionError("The command failed:\n" + result);
    }
    return result;
  }
}
