package dev.feast.iceberg.server;

import dev.feast.iceberg.core.registry.RegistryState;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server's counters, written in Prometheus' text exposition format (version 0.0.4) by hand: a
 * few counters, one histogram and some gauges do not need a metrics library. Request counts by
 * endpoint and status, request latency histograms by endpoint, entity rows read, requests in
 * flight, and the size of what is served (registered definitions, the registry's age, the JVM heap
 * that holds the online store's serving state).
 */
final class Metrics {
  /** Upper bounds of the latency buckets, in seconds: 0.25 ms up to 10 s. */
  private static final double[] BUCKETS = {
    0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  /** Endpoints are a closed set, so a client cannot grow the metrics with made-up paths. */
  static final List<String> ENDPOINTS =
      List.of(
          "/get-online-features",
          "/push",
          "/materialize",
          "/materialize-incremental",
          "/health",
          "/metrics",
          "other");

  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, Histogram> latencies = new ConcurrentHashMap<>();
  private final LongAdder entityRows = new LongAdder();
  private final AtomicLong inFlight = new AtomicLong();

  private static final class Histogram {
    final LongAdder[] counts = new LongAdder[BUCKETS.length];
    final LongAdder count = new LongAdder();
    final java.util.concurrent.atomic.DoubleAdder sum =
        new java.util.concurrent.atomic.DoubleAdder();

    Histogram() {
      for (int i = 0; i < counts.length; i++) {
        counts[i] = new LongAdder();
      }
    }

    void record(double seconds) {
      for (int i = 0; i < BUCKETS.length; i++) {
        if (seconds <= BUCKETS[i]) {
          counts[i].increment();
          break;
        }
      }
      count.increment();
      sum.add(seconds);
    }
  }

  Metrics() {
    for (String endpoint : ENDPOINTS) {
      latencies.put(endpoint, new Histogram());
    }
  }

  static String endpoint(String path) {
    return ENDPOINTS.contains(path) ? path : "other";
  }

  void started() {
    inFlight.incrementAndGet();
  }

  void finished(String endpoint, int status, long nanos) {
    inFlight.decrementAndGet();
    requests.computeIfAbsent(endpoint + "\u0000" + status, k -> new LongAdder()).increment();
    latencies.get(endpoint).record(nanos / 1e9);
  }

  void entityRows(int rows) {
    entityRows.add(rows);
  }

  /** The exposition text. */
  String render(RegistryState registry, double registryAgeSeconds, boolean ready) {
    StringBuilder out = new StringBuilder(4096);
    out.append(
        "# HELP feast_feature_server_requests_total Requests answered, by endpoint and"
            + " HTTP status.\n# TYPE feast_feature_server_requests_total counter\n");
    new java.util.TreeMap<>(requests)
        .forEach(
            (key, count) -> {
              String[] parts = key.split("\u0000");
              out.append("feast_feature_server_requests_total{endpoint=\"")
                  .append(parts[0])
                  .append("\",status=\"")
                  .append(parts[1])
                  .append("\"} ")
                  .append(count.sum())
                  .append('\n');
            });
    out.append(
        "# HELP feast_feature_server_request_duration_seconds Time to answer a request,"
            + " by endpoint.\n# TYPE feast_feature_server_request_duration_seconds histogram\n");
    for (String endpoint : ENDPOINTS) {
      Histogram h = latencies.get(endpoint);
      long cumulative = 0;
      for (int i = 0; i < BUCKETS.length; i++) {
        cumulative += h.counts[i].sum();
        out.append("feast_feature_server_request_duration_seconds_bucket{endpoint=\"")
            .append(endpoint)
            .append("\",le=\"")
            .append(number(BUCKETS[i]))
            .append("\"} ")
            .append(cumulative)
            .append('\n');
      }
      long count = h.count.sum();
      out.append("feast_feature_server_request_duration_seconds_bucket{endpoint=\"")
          .append(endpoint)
          .append("\",le=\"+Inf\"} ")
          .append(count)
          .append('\n');
      out.append("feast_feature_server_request_duration_seconds_sum{endpoint=\"")
          .append(endpoint)
          .append("\"} ")
          .append(number(h.sum.sum()))
          .append('\n');
      out.append("feast_feature_server_request_duration_seconds_count{endpoint=\"")
          .append(endpoint)
          .append("\"} ")
          .append(count)
          .append('\n');
    }
    counter(
        out,
        "feast_feature_server_entity_rows_total",
        "Entity rows asked for by get-online-features.",
        entityRows.sum());
    gauge(
        out, "feast_feature_server_requests_in_flight", "Requests being answered.", inFlight.get());
    gauge(
        out,
        "feast_feature_server_ready",
        "1 when the registry and stores are open.",
        ready ? 1 : 0);
    gauge(
        out,
        "feast_feature_server_feature_views",
        "Feature views served.",
        registry.featureViews().size());
    gauge(
        out,
        "feast_feature_server_feature_services",
        "Feature services served.",
        registry.featureServices().size());
    gauge(out, "feast_feature_server_entities", "Entities served.", registry.entities().size());
    gauge(
        out,
        "feast_feature_server_features",
        "Features of the feature views served.",
        registry.featureViews().values().stream().mapToLong(v -> v.features().size()).sum());
    gaugeDouble(
        out,
        "feast_feature_server_registry_age_seconds",
        "Seconds since the served definitions were read from the registry.",
        registryAgeSeconds);
    Runtime runtime = Runtime.getRuntime();
    gauge(
        out,
        "feast_feature_server_heap_used_bytes",
        "JVM heap in use; the online store's serving state lives there.",
        runtime.totalMemory() - runtime.freeMemory());
    gauge(out, "feast_feature_server_heap_max_bytes", "The JVM's heap limit.", runtime.maxMemory());
    return out.toString();
  }

  private static void counter(StringBuilder out, String name, String help, long value) {
    out.append("# HELP ")
        .append(name)
        .append(' ')
        .append(help)
        .append("\n# TYPE ")
        .append(name)
        .append(" counter\n")
        .append(name)
        .append(' ')
        .append(value)
        .append('\n');
  }

  private static void gauge(StringBuilder out, String name, String help, long value) {
    out.append("# HELP ")
        .append(name)
        .append(' ')
        .append(help)
        .append("\n# TYPE ")
        .append(name)
        .append(" gauge\n")
        .append(name)
        .append(' ')
        .append(value)
        .append('\n');
  }

  private static void gaugeDouble(StringBuilder out, String name, String help, double value) {
    out.append("# HELP ")
        .append(name)
        .append(' ')
        .append(help)
        .append("\n# TYPE ")
        .append(name)
        .append(" gauge\n")
        .append(name)
        .append(' ')
        .append(number(value))
        .append('\n');
  }

  private static String number(double value) {
    return String.format(
        Locale.ROOT,
        "%s",
        value == Math.rint(value) && Math.abs(value) < 1e15
            ? Long.toString((long) value)
            : Double.toString(value));
  }
}
