package dev.feast.iceberg.benchmarks.server;

import dev.feast.iceberg.benchmarks.Machine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The server benchmark's figures next to the Redis endpoint's and Feast's published ones. */
final class ServerReport {
  /** Feast's published p99, in ms: Python server + Redis, Java gRPC server + Redis. */
  private static final double PYTHON_1 = 7.2;

  private static final double PYTHON_100 = 125;
  private static final double JAVA_1 = 0.8;
  private static final double JAVA_100 = 17;

  private final ServerBenchmarkOptions options;
  private final List<String> lines = new ArrayList<>();
  private final List<String> targets = new ArrayList<>();

  ServerReport(ServerBenchmarkOptions options) {
    this.options = options;
  }

  void header(String redisVersion, String loadAtStart) {
    lines.add(
        String.format(
            Locale.ROOT,
            "Feature server benchmark: %,d entities x %d features (half float64, half int64);"
                + " POST /get-online-features over HTTP/1.1 keep-alive (java.net.http, one client per"
                + " connection); anchor: a minimal Jetty endpoint reading Redis %s in Feast's layout;"
                + " Java %s, %d cores; load average at the start %s",
            options.entities(),
            options.features(),
            redisVersion,
            System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(),
            loadAtStart));
    lines.add(
        String.format(
            Locale.ROOT,
            "%-9s %-5s | %-30s | %-30s | %s",
            "entities",
            "conns",
            "feature server p50 / p99 / req/s",
            "redis endpoint p50 / p99 / req/s",
            "p99 ratio"));
  }

  void point(int entities, int connections, LoadClient.Result server, LoadClient.Result redis) {
    double p99 = server.latencies().p99();
    double redisP99 = redis.latencies().p99();
    lines.add(
        String.format(
            Locale.ROOT,
            "%-9d %-5d | %7.3f ms %8.3f ms %8.0f/s | %7.3f ms %8.3f ms %8.0f/s | %.2fx",
            entities,
            connections,
            server.latencies().p50(),
            p99,
            server.requestsPerSecond(),
            redis.latencies().p50(),
            redisP99,
            redis.requestsPerSecond(),
            p99 / redisP99));
    target(
        String.format(
            Locale.ROOT,
            "%d entities, %d connections: p99 <= 1.0x Redis endpoint",
            entities,
            connections),
        p99 <= redisP99,
        String.format(Locale.ROOT, "%.3f ms vs %.3f ms", p99, redisP99));
    if (connections == 1) {
      double java = entities == 1 ? JAVA_1 : JAVA_100;
      double python = entities == 1 ? PYTHON_1 : PYTHON_100;
      target(
          String.format(
              Locale.ROOT, "%d entities, 1 connection: p99 < Java gRPC's %.1f ms", entities, java),
          p99 < java,
          String.format(
              Locale.ROOT, "%.3f ms (Feast's Python server + Redis: %.1f ms)", p99, python));
    }
  }

  void print() {
    lines.add(
        "Feast's published p99 (Redis): Python server 7.2 ms (1 entity), 125 ms (100);"
            + " Java gRPC server 0.8 ms, 17 ms");
    lines.add("machine load average (1, 5, 15 min) at the end: " + Machine.load());
    lines.forEach(System.out::println);
    System.out.println("targets:");
    targets.forEach(System.out::println);
  }

  private void target(String name, boolean met, String figure) {
    targets.add(String.format(Locale.ROOT, "  [%s] %-62s %s", met ? "met " : "MISS", name, figure));
  }
}
