package dev.feast.iceberg.benchmarks.online;

import dev.feast.iceberg.benchmarks.Machine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects the figures of one run and prints them next to Redis's, with ratios and targets. */
final class Report {
  private final BenchmarkOptions options;
  private final List<String> lines = new ArrayList<>();
  private final List<String> targets = new ArrayList<>();

  Report(BenchmarkOptions options) {
    this.options = options;
  }

  private final String loadAtStart = Machine.load();

  void header(String redisVersion, Path dir) {
    lines.add(
        String.format(
            Locale.ROOT,
            "Online store benchmark: %,d entities x %d features (half float64, half int64),"
                + " entity_hash 16 buckets; Redis %s (Jedis, pipelined, Feast layout); Java %s, %d"
                + " cores; data in %s",
            options.entities(),
            options.features(),
            redisVersion,
            System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(),
            dir));
  }

  void writes(
      double icebergRowsPerSecond,
      double redisRowsPerSecond,
      long icebergCpuNanos,
      long redisCpuNanos) {
    lines.add(
        String.format(
            Locale.ROOT,
            "write throughput   iceberg %,12.0f rows/s   redis %,12.0f rows/s   ratio %.2fx",
            icebergRowsPerSecond,
            redisRowsPerSecond,
            icebergRowsPerSecond / redisRowsPerSecond));
    double icebergPerCpu = options.entities() / (icebergCpuNanos / 1e9);
    double redisPerCpu = options.entities() / (redisCpuNanos / 1e9);
    lines.add(
        String.format(
            Locale.ROOT,
            "  per CPU-second   iceberg %,12.0f rows     redis %,12.0f rows     ratio %.2fx"
                + "   (redis: client and server; the figure other work on the cores does not lower)",
            icebergPerCpu,
            redisPerCpu,
            icebergPerCpu / redisPerCpu));
    target(
        "write >= 1,000,000 rows/s",
        icebergRowsPerSecond >= 1_000_000,
        String.format(Locale.ROOT, "%,.0f rows/s", icebergRowsPerSecond));
  }

  void materialization(double rowsPerSecond, double redisRowsPerSecond, long cpuNanos) {
    lines.add(
        String.format(
            Locale.ROOT,
            "materialization    iceberg %,12.0f rows/s   redis %,12.0f rows/s   ratio %.2fx"
                + "   (offline Iceberg table -> online table, Materializer; redis: its write above)",
            rowsPerSecond,
            redisRowsPerSecond,
            rowsPerSecond / redisRowsPerSecond));
    lines.add(
        String.format(
            Locale.ROOT,
            "  per CPU-second   iceberg %,12.0f rows     (DuckDB's pull included)",
            options.entities() / (cpuNanos / 1e9)));
    target(
        "materialization >= 500,000 rows/s",
        rowsPerSecond >= 500_000,
        String.format(Locale.ROOT, "%,.0f rows/s", rowsPerSecond));
  }

  void coldStart(double millis) {
    lines.add(
        String.format(
            Locale.ROOT,
            "cold start         iceberg %,.0f ms to build the serving state of a new store instance"
                + " (%,.0f keys/s)",
            millis,
            options.entities() / (millis / 1e3)));
    // 2 s for 1M keys; a scaled-down run is held to the same rate of keys per second.
    double target = 2_000.0 * options.entities() / 1_000_000;
    target(
        String.format(Locale.ROOT, "cold start <= %,.0f ms (2 s per 1M keys)", target),
        millis <= target,
        String.format(Locale.ROOT, "%,.0f ms", millis));
  }

  /** The process CPU time of the cold start: its cost whatever else runs on the cores. */
  void coldStartCpu(double millis) {
    lines.add(
        String.format(
            Locale.ROOT,
            "  CPU time         iceberg %,.0f ms (all threads, JIT and GC included)",
            millis));
  }

  /**
   * The serving state's heap (used heap after full collections, before and after a new instance
   * built it) next to Redis's {@code used_memory} for the same rows (minus the empty server's).
   */
  void memory(long heapBytes, long redisBytes) {
    double heapPerKey = heapBytes / (double) options.entities();
    double redisPerKey = redisBytes / (double) options.entities();
    lines.add(
        String.format(
            Locale.ROOT,
            "memory per key     iceberg %,8.0f bytes     redis %,8.0f bytes     ratio %.2fx"
                + "   (iceberg: heap after GC of the serving state; redis: used_memory)",
            heapPerKey,
            redisPerKey,
            heapPerKey / redisPerKey));
    target(
        "serving state heap per key <= 1.0x Redis",
        heapPerKey <= redisPerKey,
        String.format(Locale.ROOT, "%,.0f vs %,.0f bytes", heapPerKey, redisPerKey));
  }

  void warm(Latencies ice1, Latencies red1, Latencies ice100, Latencies red100) {
    lines.add(
        String.format(
            Locale.ROOT,
            "warm reads, all %d features (%,d and %,d reads):",
            options.features(),
            ice1.count(),
            ice100.count()));
    compare(ice1, red1);
    compare(ice100, red100);
    target(
        "1-key p99 <= 1.0x Redis",
        ice1.p99() <= red1.p99(),
        String.format(Locale.ROOT, "%.3f ms vs %.3f ms", ice1.p99(), red1.p99()));
    target(
        "100-key p99 <= 1.0x Redis",
        ice100.p99() <= red100.p99(),
        String.format(Locale.ROOT, "%.3f ms vs %.3f ms", ice100.p99(), red100.p99()));
  }

  void afterSnapshot(Latencies iceberg, Latencies redis) {
    lines.add(
        String.format(
            Locale.ROOT,
            "first read after another writer's commit of 1,000 rows (%d commits):",
            iceberg.count()));
    compare(iceberg, redis);
    target(
        "first read after a new snapshot p99 <= 50 ms",
        iceberg.p99() <= 50,
        String.format(Locale.ROOT, "p99 %.3f ms, max %.3f ms", iceberg.p99(), iceberg.maxMs()));
  }

  /**
   * The process CPU time of the first reads after a commit: what the catching up costs whatever
   * else runs on the cores (on a loaded machine the wall time is mostly waiting for a core).
   */
  void cpuOfFirstRead(Latencies cpu) {
    lines.add(
        String.format(
            Locale.ROOT,
            "  %-34s p50 %9.3f ms   p99 %9.3f ms   (all threads)",
            cpu.name(),
            cpu.p50(),
            cpu.p99()));
  }

  /** Reads past the memory budget, from the table's files: targets on the local warehouse. */
  void fromFiles(FileReads.Figures local, FileReads.Figures s3) {
    lines.add(
        "past the memory budget (serving_max_keys 1), reads of all "
            + options.features()
            + " features from the table's files ("
            + local.one().count()
            + " reads each):");
    for (FileReads.Figures figures : List.of(local, s3)) {
      lines.add(
          String.format(
              Locale.ROOT,
              "  %-34s %9.3f ms (plans the snapshot's files)",
              figures.where() + ", first read",
              figures.firstMs()));
      for (Latencies l : List.of(figures.one(), figures.hundred())) {
        lines.add(
            String.format(
                Locale.ROOT, "  %-34s p50 %9.3f ms   p99 %9.3f ms", l.name(), l.p50(), l.p99()));
      }
    }
    lines.add(
        String.format(
            Locale.ROOT,
            "  values from the local files equal the in-memory state's: %,d keys compared, every"
                + " feature and event timestamp (s3proxy's files equal the local ones)",
            local.compared()));
    target(
        "from files (local), 1-key p99 <= 10 ms",
        local.one().p99() <= 10,
        String.format(Locale.ROOT, "%.3f ms (s3proxy %.3f ms)", local.one().p99(), s3.one().p99()));
    target(
        "from files (local), 100-key p99 <= 50 ms",
        local.hundred().p99() <= 50,
        String.format(
            Locale.ROOT, "%.3f ms (s3proxy %.3f ms)", local.hundred().p99(), s3.hundred().p99()));
  }

  void print() {
    lines.add(
        "machine load average (1, 5, 15 min) at the start: "
            + loadAtStart
            + ", at the end: "
            + Machine.load());
    lines.forEach(System.out::println);
    System.out.println("targets:");
    targets.forEach(System.out::println);
  }

  private void compare(Latencies iceberg, Latencies redis) {
    lines.add(
        String.format(
            Locale.ROOT,
            "  %-34s p50 %9.3f ms   p99 %9.3f ms%n  %-34s p50 %9.3f ms   p99 %9.3f ms%n"
                + "  %-34s p50 %8.2fx      p99 %8.2fx",
            iceberg.name(),
            iceberg.p50(),
            iceberg.p99(),
            redis.name(),
            redis.p50(),
            redis.p99(),
            "ratio iceberg / redis",
            iceberg.p50() / redis.p50(),
            iceberg.p99() / redis.p99()));
  }

  private void target(String name, boolean met, String figure) {
    targets.add(String.format(Locale.ROOT, "  [%s] %-46s %s", met ? "met " : "MISS", name, figure));
  }
}
