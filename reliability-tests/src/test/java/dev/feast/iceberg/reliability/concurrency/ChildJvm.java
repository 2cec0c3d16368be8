package dev.feast.iceberg.reliability.concurrency;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A main class of the test classpath run in a separate JVM (the same {@code java} and classpath as
 * the test), talking over lines: the child prints progress on stdout, the test may send lines to
 * its stdin. Stderr (the child's logs) goes to a file, shown when something fails.
 */
public final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final Path stderr;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();
  private final PrintWriter stdin;
  private final Thread pump;

  private ChildJvm(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    this.pump = new Thread(this::pump, "child-stdout-" + process.pid());
    pump.setDaemon(true);
    pump.start();
  }

  /** Where a child's stderr goes: under the build folder, kept for a look after a failure. */
  public static Path logFile(String name) {
    return Path.of("target", "child-jvm-logs", name + ".stderr").toAbsolutePath();
  }

  /** Starts {@code main} with {@code args}; its stderr goes to {@code stderr}. */
  public static ChildJvm start(Class<?> main, Path stderr, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:+DisplayVMOutputToStderr",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
    command.addAll(List.of(args));
    try {
      Files.createDirectories(stderr.getParent());
      Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
      return new ChildJvm(process, stderr);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start a JVM for " + main.getName(), e);
    }
  }

  private void pump() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // The child was killed while we read: its output simply ends.
      lines.add("<stdout closed: " + e + ">");
    }
  }

  /**
   * The next line the child prints, waiting at most {@code timeout}.
   *
   * @throws AssertionError when none comes (the child died, or hangs), with its stderr
   */
  public String nextLine(Duration timeout) {
    try {
      String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (line == null) {
        throw new AssertionError(
            "Child JVM "
                + process.pid()
                + " printed nothing for "
                + timeout
                + " after "
                + seen
                + " ("
                + (process.isAlive() ? "alive" : "exit code " + process.exitValue())
                + "); stderr:\n"
                + stderr());
      }
      seen.add(line);
      return line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted waiting for child JVM " + process.pid(), e);
    }
  }

  /** Reads lines until one equals {@code expected}. */
  public void awaitLine(String expected, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      if (nextLine(left).equals(expected)) {
        return;
      }
    }
  }

  /** Sends one line to the child's stdin. */
  public void send(String line) {
    stdin.println(line);
  }

  /** Kills the child with SIGKILL (what {@link Process#destroyForcibly()} sends on Linux). */
  public void kill() {
    process.destroyForcibly();
  }

  /** Waits for the child to end and returns its exit code (128 + signal when killed). */
  public int waitFor(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            "Child JVM "
                + process.pid()
                + " did not end within "
                + timeout
                + "; stderr:\n"
                + stderr());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted waiting for child JVM " + process.pid(), e);
    }
  }

  /** Every line the child printed, once it has ended: those read so far and those still queued. */
  public List<String> allLines() {
    if (process.isAlive()) {
      throw new IllegalStateException("child JVM " + process.pid() + " still runs");
    }
    try {
      pump.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted reading the output of child JVM " + process.pid(), e);
    }
    lines.drainTo(seen);
    return List.copyOf(seen);
  }

  /** What the child wrote to stderr so far. */
  public String stderr() {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      return "<could not read " + stderr + ": " + e + ">";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    stdin.close();
  }
}
