package dev.feast.iceberg.benchmarks.cli;

import dev.feast.iceberg.benchmarks.Machine;
import dev.feast.iceberg.benchmarks.online.Latencies;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The {@code feast-iceberg} command as a new user runs it, timed as processes: builds a view of N
 * keys (default 500,000) through the command itself ({@code init}, {@code apply}, {@code
 * write-offline} of 4 rows a key, {@code materialize-incremental}), timing the write and the
 * materialization as rows a second, then times {@code version} and {@code get-online-features} for
 * 3 keys (two stored, one not, different each run, answers checked) as the view was materialized
 * and again after {@code maintain}. Prints median and max wall time, the CPU time of the process,
 * the load average, and the targets: write-offline and materialize-incremental at 200,000 rows a
 * second or more, 3 keys of a 500,000-key view in at most 2 s, {@code version} in at most 1 s.
 *
 * <p>Run: {@code bin/benchmark-cli} (it builds the command's jar first), or {@code
 * bin/benchmark-cli 100000 --runs=5 --dir=/tmp/keep}. Uses only the JDK: the command is the process
 * under test.
 */
public final class CliBenchmark {
  private static final String VIEW = "driver_hourly_stats";
  private static final double ONLINE_TARGET_MS = 2000;
  private static final double VERSION_TARGET_MS = 1000;
  private static final double RATE_TARGET = 200_000;
  // Rows per key in the file written to the offline store: 500,000 keys make 2,000,000 rows.
  private static final int EVENTS = 4;

  private final int keys;
  private final int runs;
  private final CliProcess cli;
  private final SplittableRandom random = new SplittableRandom(14);
  private final List<String> lines = new ArrayList<>();
  private final List<String> targets = new ArrayList<>();

  private CliBenchmark(int keys, int runs, CliProcess cli) {
    this.keys = keys;
    this.runs = runs;
    this.cli = cli;
  }

  public static void main(String[] args) throws Exception {
    int keys = 500_000;
    int runs = 7;
    Path dir = null;
    Path launcher = Path.of("bin/feast-iceberg");
    for (String arg : args) {
      String[] pair = arg.replaceFirst("^--", "").split("=", 2);
      if (arg.matches("\\d+")) {
        keys = Integer.parseInt(arg);
      } else if (pair.length == 2 && pair[0].equals("keys")) {
        keys = Integer.parseInt(pair[1]);
      } else if (pair.length == 2 && pair[0].equals("runs")) {
        runs = Integer.parseInt(pair[1]);
      } else if (pair.length == 2 && pair[0].equals("dir")) {
        dir = Path.of(pair[1]);
      } else if (pair.length == 2 && pair[0].equals("cli")) {
        launcher = Path.of(pair[1]);
      } else {
        throw new IllegalArgumentException(
            "Unknown argument '"
                + arg
                + "'; use a number of keys, --keys=N, --runs=N, --dir=FOLDER or --cli=LAUNCHER");
      }
    }
    Path folder =
        dir != null
            ? Files.createDirectories(dir)
            : Files.createTempDirectory("feast-cli-benchmark");
    CliProcess cli = new CliProcess(List.of(launcher.toAbsolutePath().toString()));
    try {
      new CliBenchmark(keys, runs, cli).run(folder);
    } finally {
      if (dir == null) {
        Machine.deleteRecursively(folder);
      }
    }
  }

  private void run(Path folder) throws Exception {
    String loadAtStart = Machine.load();
    lines.add(
        String.format(
            Locale.ROOT,
            "CLI benchmark: %,d keys of %s (3 features) built through the command; Java %s, %d cores;"
                + " data in %s",
            keys,
            VIEW,
            System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(),
            folder));
    Path repo = build(folder);
    Path table = repo.resolve("data/warehouse/feast_online/bench_" + VIEW);
    lines.add(
        String.format(
            Locale.ROOT,
            "online table as materialized: %d data files, %d snapshots",
            count(table.resolve("data"), ".parquet"),
            count(table.resolve("metadata"), ".avro", "snap-")));

    CliProcess.Run first = online(repo);
    lines.add(
        String.format(
            Locale.ROOT,
            "first get-online-features after a build (the launcher"
                + " records its class-data archive when it has none): %,.0f ms",
            first.wallMs()));
    lines.add(
        String.format(
            Locale.ROOT,
            "timed runs (%d each): wall time, and CPU time (user +" + " system) of the process",
            runs));
    Latencies version = new Latencies("version", runs);
    Latencies online = new Latencies("get-online-features, 3 keys", runs);
    List<Double> versionCpu = new ArrayList<>();
    List<Double> onlineCpu = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      CliProcess.Run run = cli.run(repo, "version").expectSuccess("version");
      version.record(run.wallNanos());
      versionCpu.add(run.cpuSeconds());
      run = online(repo);
      online.record(run.wallNanos());
      onlineCpu.add(run.cpuSeconds());
    }
    figure(version, versionCpu);
    figure(online, onlineCpu);

    CliProcess.Run maintain = cli.run(repo, "maintain").expectSuccess("maintain");
    lines.add(
        String.format(
            Locale.ROOT,
            "maintain: %,.1f s; %s",
            maintain.wallMs() / 1000,
            maintain.out().strip().replaceAll("\\s+", " ")));
    Latencies maintained = new Latencies("get-online-features, 3 keys, after maintain", runs);
    List<Double> maintainedCpu = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      CliProcess.Run run = online(repo);
      maintained.record(run.wallNanos());
      maintainedCpu.add(run.cpuSeconds());
    }
    figure(maintained, maintainedCpu);
    lines.add(
        "machine load average (1, 5, 15 min) at the start: "
            + loadAtStart
            + ", at the end: "
            + Machine.load());

    String view = String.format(Locale.ROOT, "%,d-key view", keys);
    target("version <= 1 s", version, VERSION_TARGET_MS);
    target("3 keys of a " + view + " <= 2 s", online, ONLINE_TARGET_MS);
    target("3 keys of a " + view + ", maintained, <= 2 s", maintained, ONLINE_TARGET_MS);
    lines.forEach(System.out::println);
    System.out.println("targets (times on the median wall time, rates on one run):");
    targets.forEach(System.out::println);
  }

  /**
   * A repository with a view of {@link #keys} keys, materialized; prints the setup times. The file
   * written to the offline store holds {@link #EVENTS} rows per key, an hour apart, the latest with
   * the value {@link #online} checks, so the figures are those of a user loading history.
   */
  private Path build(Path folder) throws Exception {
    cli.run(folder, "init", "bench").expectSuccess("init");
    Path repo = folder.resolve("bench");
    Path csv = repo.resolve("stats.csv");
    Instant latest = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
    try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      out.write("driver_id,event_timestamp,conv_rate,acc_rate,avg_daily_trips,created\n");
      for (int age = EVENTS - 1; age >= 0; age--) {
        Instant event = latest.minus(age, ChronoUnit.HOURS);
        for (long id = 1; id <= keys; id++) {
          out.write(
              id
                  + ","
                  + event
                  + ","
                  + (id % 1000) / 1000.0
                  + ","
                  + (id % 997) / 997.0
                  + ","
                  + (trips(id) + 1000L * age)
                  + ","
                  + event
                  + "\n");
        }
      }
    }
    CliProcess.Run apply = cli.run(repo, "apply").expectSuccess("apply");
    CliProcess.Run write =
        cli.run(repo, "write-offline", "--view", VIEW, "--file", csv.toString())
            .expectSuccess("write-offline");
    CliProcess.Run materialize =
        cli.run(repo, "materialize-incremental", "now").expectSuccess("materialize-incremental");
    long rows = (long) keys * EVENTS;
    lines.add(
        String.format(
            Locale.ROOT,
            "setup through the command: apply %,.1f s, write-offline"
                + " of %,d rows %,.1f s (%,.0f rows/s), materialize-incremental of %,d keys %,.1f s"
                + " (%,.0f rows/s); wall time of each process, start-up included",
            apply.wallMs() / 1000,
            rows,
            write.wallMs() / 1000,
            rows / (write.wallMs() / 1000),
            keys,
            materialize.wallMs() / 1000,
            keys / (materialize.wallMs() / 1000)));
    rate("write-offline >= 200,000 rows/s", rows, write);
    rate("materialize-incremental >= 200,000 rows/s", keys, materialize);
    return repo;
  }

  private void rate(String name, long rows, CliProcess.Run run) {
    double perSecond = rows / (run.wallMs() / 1000);
    targets.add(
        String.format(
            Locale.ROOT,
            "  [%s] %-48s %,.0f rows/s",
            perSecond >= RATE_TARGET ? "met " : "MISS",
            name,
            perSecond));
  }

  /** Reads two stored keys and a missing one, and checks the answers. */
  private CliProcess.Run online(Path repo) throws Exception {
    long a = 1 + random.nextLong(keys);
    long b = 1 + random.nextLong(keys);
    long missing = keys + 1 + random.nextLong(1_000_000);
    CliProcess.Run run =
        cli.run(
                repo,
                "get-online-features",
                "--service",
                "driver_activity",
                "-e",
                "driver_id=" + a,
                "-e",
                "driver_id=" + b,
                "-e",
                "driver_id=" + missing)
            .expectSuccess("get-online-features");
    String expected = "\"avg_daily_trips\":[" + trips(a) + "," + trips(b) + ",null]";
    if (!run.out().replaceAll("\\s", "").contains(expected)) {
      throw new IllegalStateException(
          "get-online-features answered\n" + run.out() + "where " + expected + " was expected");
    }
    return run;
  }

  private static long trips(long id) {
    return id % 100;
  }

  private void figure(Latencies wall, List<Double> cpu) {
    List<Double> sorted = cpu.stream().sorted().toList();
    lines.add(
        String.format(
            Locale.ROOT,
            "  %-44s median %,7.0f ms   max %,7.0f ms   CPU median %5.2f s",
            wall.name(),
            wall.p50(),
            wall.maxMs(),
            sorted.get((sorted.size() - 1) / 2)));
  }

  private void target(String name, Latencies wall, double targetMs) {
    targets.add(
        String.format(
            Locale.ROOT,
            "  [%s] %-48s median %,.0f ms, max %,.0f ms",
            wall.p50() <= targetMs ? "met " : "MISS",
            name,
            wall.p50(),
            wall.maxMs()));
  }

  private static long count(Path dir, String suffix, String... prefix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(suffix) && (prefix.length == 0 || n.startsWith(prefix[0])))
          .count();
    }
  }
}
