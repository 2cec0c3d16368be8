package dev.feast.iceberg.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
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
          "No shaded jar at "
              + jar
              + " (system property feast.cli.jar); run these tests with"
              + " ./mvnw verify -pl feast-cli -am, which packages the jar first");
    }
    return Path.of(jar);
  }

  /** Runs {@code launcher args} in {@code workingDir} with {@code environment} added. */
  static Run run(
      List<String> launcher, Path workingDir, Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    Started started = start(launcher, workingDir, environment, args);
    if (!started.process().waitFor(2, TimeUnit.MINUTES)) {
      started.process().destroyForcibly();
      throw new AssertionError(
          "feast-iceberg " + String.join(" ", args) + " did not finish in 2 minutes");
    }
    return started.finished();
  }

  /** Starts {@code launcher args} in the background: stdout to a file, stderr read as it comes. */
  static Started start(
      List<String> launcher, Path workingDir, Map<String, String> environment, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(launcher);
    command.addAll(List.of(args));
    Path out = Files.createTempFile(workingDir, "out", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(workingDir.toFile()).redirectOutput(out.toFile());
    builder.environment().putAll(environment);
    return new Started(builder.start(), out);
  }

  /** The CLI from the test class path, started in the background. */
  static Started start(Path workingDir, String... args) throws IOException {
    return start(fromClassPath(), workingDir, Map.of(), args);
  }

  /** {@code java -cp <test class path> main args...}. */
  static List<String> java(Class<?> main, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(java(), "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    return command;
  }

  /**
   * A command running in the background. Its stderr is read by a thread of its own, which wakes
   * whoever waits for a text in it, so a test waits on the text, not on a clock.
   */
  static final class Started {
    private final Process process;
    private final Path out;
    private final StringBuilder err = new StringBuilder();
    private final Thread errReader;

    Started(Process process, Path out) {
      this.process = process;
      this.out = out;
      this.errReader = new Thread(this::readErr, "stderr of " + process.pid());
      errReader.setDaemon(true);
      errReader.start();
    }

    Process process() {
      return process;
    }

    private void readErr() {
      try (Reader reader =
          new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)) {
        char[] buffer = new char[4096];
        for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
          synchronized (err) {
            err.append(buffer, 0, n);
            err.notifyAll();
          }
        }
      } catch (IOException e) {
        // The process ended and closed its end of the pipe: what was read is all there is.
      } finally {
        synchronized (err) {
          err.notifyAll();
        }
      }
    }

    /** What it printed to stderr so far. */
    String errSoFar() {
      synchronized (err) {
        return err.toString();
      }
    }

    /** Waits until stderr contains {@code text}; fails if stderr ends first or after 2 minutes. */
    void awaitErr(String text) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      synchronized (err) {
        while (err.indexOf(text) < 0) {
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          if (!errReader.isAlive() || left <= 0) {
            throw new AssertionError("stderr never showed '" + text + "':\n" + err);
          }
          err.wait(left);
        }
      }
    }

    /** The exit code and output of the ended process; deletes the output file. */
    Run finished() throws IOException, InterruptedException {
      int exit = process.waitFor();
      errReader.join();
      Run run = new Run(exit, Files.readString(out, StandardCharsets.UTF_8), errSoFar());
      Files.delete(out);
      return run;
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
