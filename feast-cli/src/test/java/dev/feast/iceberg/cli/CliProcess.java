package dev.feast.iceberg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The command as a real process, run in a folder as a user would: launched from the test class
 * path, or from the shaded jar users run ({@code java -jar feast-cli-<version>-all.jar}), which
 * holds only what the build packed into it.
 */
final class CliProcess {
  /** What a run printed and returned. */
  record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  private CliProcess() {}

  /** {@code java -cp <test class path> dev.feast.iceberg.cli.FeastCli}. */
  static List<String> fromClassPath() {
    return List.of(java(), "-cp", System.getProperty("java.class.path"), FeastCli.class.getName());
  }

  /** {@code java -jar <the shaded jar>}. */
  static List<String> fromShadedJar() {
    return List.of(java(), "-jar", shadedJar().toString());
  }

  /**
   * {@code target/feast-cli-<version>-all.jar}, named by the system property {@code feast.cli.jar},
   * which failsafe sets after {@code package}; a test picked by surefire (a {@code -Dtest} pattern
   * matching an {@code *IT}) is skipped.
   */
  static Path shadedJar() {
    String jar = System.getProperty("feast.cli.jar");
    Assumptions.assumeTrue(
        jar != null, "runs under failsafe, after package (./mvnw verify -pl feast-cli -am)");
    if (!Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "No shaded jar at " + jar + " (system property feast.cli.jar); run these tests with"
              + " ./mvnw verify -pl feast-cli -am, which packages the jar first");
    }
    return Path.of(jar);
  }

  /** Runs {@code launcher args} in {@code workingDir} with {@code environment} added. */
  static Run run(List<String> launcher, Path workingDir, Map<String, String> environment,
      String... args) throws IOException, InterruptedException {
    Started started = start(launcher, workingDir, environment, args);
    if (!started.process().waitFor(2, TimeUnit.MINUTES)) {
      started.process().destroyForcibly();
      throw new AssertionError(
          "feast-iceberg " + String.join(" ", args) + " did not finish in 2 minutes");
    }
    return started.finished();
  }

  /** Starts {@code launcher args} in the background, its output going to files until it ends. */
  static Started start(List<String> launcher, Path workingDir, Map<String, String> environment,
      String... args) throws IOException {
    List<String> command = new ArrayList<>(launcher);
    command.addAll(List.of(args));
    Path out = Files.createTempFile(workingDir, "out", ".txt");
    Path err = Files.createTempFile(workingDir, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workingDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().putAll(environment);
    return new Started(builder.start(), out, err);
  }

  /** The CLI from the test class path, started in the background. */
  static Started start(Path workingDir, String... args) throws IOException {
    return start(fromClassPath(), workingDir, Map.of(), args);
  }

  /** {@code java -cp <test class path> main args...}. */
  static List<String> java(Class<?> main, String... args) {
    List<String> command =
        new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    return command;
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

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
