package dev.feast.iceberg.benchmarks.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the {@code feast-iceberg} command as a process in a folder, as a user would, and times it:
 * wall time from start to exit, and the CPU time (user + system) of the command and its children,
 * which other work on the cores inflates far less than wall time. The command runs under {@code
 * bash -c}, whose {@code times} reports that CPU time; bash itself adds a few milliseconds.
 */
final class CliProcess {
  private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s");

  private final List<String> command;

  /** What one run printed, its exit code, and its wall and CPU time. */
  record Run(int exit, String out, String err, long wallNanos, double cpuSeconds) {
    double wallMs() {
      return wallNanos / 1e6;
    }

    Run expectSuccess(String what) {
      if (exit != 0) {
        throw new IllegalStateException(what + " failed with exit code " + exit + ":\n" + err);
      }
      return this;
    }
  }

  /** {@code command}: the launcher, e.g. {@code bin/feast-iceberg}, and options for every run. */
  CliProcess(List<String> command) {
    this.command = List.copyOf(command);
  }

  Run run(Path workingDir, String... args) throws IOException, InterruptedException {
    List<String> all =
        new ArrayList<>(
            List.of(
                "bash",
                "-c",
                "\"$@\" >\"$FEAST_BENCH_OUT\" 2>\"$FEAST_BENCH_ERR\"; status=$?; times >&2; exit $status",
                "bash"));
    all.addAll(command);
    all.addAll(List.of(args));
    Path out = Files.createTempFile("feast-cli-benchmark", ".out");
    Path err = Files.createTempFile("feast-cli-benchmark", ".err");
    Path times = Files.createTempFile("feast-cli-benchmark", ".times");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(all)
              .directory(workingDir.toFile())
              .redirectError(times.toFile())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      builder.environment().put("FEAST_BENCH_OUT", out.toString());
      builder.environment().put("FEAST_BENCH_ERR", err.toString());
      long started = System.nanoTime();
      Process process = builder.start();
      if (!process.waitFor(30, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "feast-iceberg " + String.join(" ", args) + " did not end within 30 minutes");
      }
      long wall = System.nanoTime() - started;
      return new Run(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8),
          wall,
          childCpu(Files.readString(times, StandardCharsets.UTF_8)));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      Files.deleteIfExists(times);
    }
  }

  /** The second line of bash's {@code times}: user and system time of its children. */
  private static double childCpu(String times) {
    String[] lines = times.strip().split("\n");
    Matcher matcher = TIMES.matcher(lines[lines.length - 1]);
    if (!matcher.find()) {
      return Double.NaN;
    }
    return Integer.parseInt(matcher.group(1)) * 60
        + Double.parseDouble(matcher.group(2))
        + Integer.parseInt(matcher.group(3)) * 60
        + Double.parseDouble(matcher.group(4));
  }
}
