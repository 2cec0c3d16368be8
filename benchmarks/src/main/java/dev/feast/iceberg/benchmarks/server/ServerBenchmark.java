package dev.feast.iceberg.benchmarks.server;

import dev.feast.iceberg.benchmarks.Machine;
import dev.feast.iceberg.benchmarks.online.FeastRedisLayout;
import dev.feast.iceberg.benchmarks.online.RedisServer;
import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.server.FeatureServer;
import dev.feast.iceberg.server.ServerOptions;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.online.OnlineRow;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * The feature server under load, next to a minimal Jetty endpoint answering the same requests from
 * Redis in Feast's layout, in one run: the online benchmark's data (N entities x 50 features, half
 * float64, half int64) written to the Iceberg online store and to a local redis-server; then 1, 8
 * and 32 keep-alive connections sending Feast's {@code /get-online-features} for 1 and 100 entities
 * x every feature. Prints p50, p99 and requests/s of both, the ratio, Feast's published figures and
 * the targets.
 *
 * <p>Run: {@code bin/benchmark-server} (1M entities) or {@code bin/benchmark-server 200000}.
 */
public final class ServerBenchmark {
  static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
  private static final int[] CONNECTIONS = {1, 8, 32};

  private ServerBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    ServerBenchmarkOptions options = ServerBenchmarkOptions.parse(args);
    Path dir = Files.createTempDirectory("feast-server-benchmark");
    try {
      run(options, dir);
    } finally {
      Machine.deleteRecursively(dir);
    }
  }

  private static void run(ServerBenchmarkOptions options, Path dir) throws Exception {
    String loadAtStart = Machine.load();
    List<String> features = new ArrayList<>();
    FeatureView.Builder builder =
        FeatureView.builder("entity_features")
            .entity(Entity.of("entity", "entity_id", ValueType.INT64))
            .source(IcebergSource.of("raw.entity_features", "event_timestamp", "created"));
    for (int j = 0; j < options.features(); j++) {
      features.add(String.format("f%02d", j));
      builder.feature(features.get(j), j % 2 == 0 ? ValueType.DOUBLE : ValueType.INT64);
    }
    FeatureView view = builder.build();
    Files.writeString(
        dir.resolve("feature_store.yaml"),
        """
        project: bench
        registry: data/registry.json
        offline_store: {type: iceberg, catalog: {type: jdbc}}
        online_store: {type: iceberg, catalog: {type: jdbc}}
        """);
    ServerReport report = new ServerReport(options);
    try (RedisServer redis = RedisServer.start(dir)) {
      FeatureStore store = FeatureStore.open(dir);
      store.apply(Entity.of("entity", "entity_id", ValueType.INT64), view);
      write(store, view, features, redis, options);
      FeatureServer server =
          FeatureServer.start(store, ServerOptions.defaults().withAddress("127.0.0.1", 0));
      FeastRedisLayout layout = new FeastRedisLayout("bench", view.name(), features);
      try (RedisEndpoint anchor = new RedisEndpoint(redis, layout, features)) {
        URI iceberg = server.uri().resolve("/get-online-features");
        report.header(redis.version(), loadAtStart);
        for (int entities : new int[] {1, 100}) {
          List<byte[]> bodies = bodies(options, features, view.name(), entities);
          int requests = entities == 1 ? options.requests() : options.requests100();
          // Warm-up: builds the serving state and lets the JIT compile both paths.
          LoadClient.run(iceberg, bodies, 8, requests);
          LoadClient.run(anchor.uri(), bodies, 8, requests);
          for (int connections : CONNECTIONS) {
            LoadClient.Result ice = LoadClient.run(iceberg, bodies, connections, requests);
            LoadClient.Result red = LoadClient.run(anchor.uri(), bodies, connections, requests);
            report.point(entities, connections, ice, red);
          }
        }
      } finally {
        server.stop();
      }
    }
    report.print();
  }

  /** Every entity once, to the Iceberg online store (100,000 rows a write) and to Redis. */
  private static void write(
      FeatureStore store,
      FeatureView view,
      List<String> features,
      RedisServer redis,
      ServerBenchmarkOptions options) {
    FeastRedisLayout layout = new FeastRedisLayout("bench", view.name(), features);
    try (Jedis jedis = redis.client()) {
      for (int from = 0; from < options.entities(); from += 100_000) {
        int to = Math.min(options.entities(), from + 100_000);
        List<OnlineRow> rows = new ArrayList<>(to - from);
        Pipeline pipeline = jedis.pipelined();
        for (int i = from; i < to; i++) {
          Object[] values = values(i, features.size());
          Map<String, Object> map = new HashMap<>();
          for (int j = 0; j < values.length; j++) {
            map.put(features.get(j), values[j]);
          }
          EntityKey key = EntityKey.of("entity_id", (long) i);
          rows.add(new OnlineRow(key, map, BASE, BASE));
          pipeline.hset(layout.key(key), layout.hash(values, BASE));
          if (i % 1000 == 999) {
            pipeline.sync();
          }
        }
        pipeline.sync();
        store.onlineStore().write(view, rows);
      }
    }
  }

  /** The online benchmark's values: float64 at even positions, int64 at odd ones. */
  private static Object[] values(int i, int count) {
    Object[] values = new Object[count];
    for (int j = 0; j < count; j++) {
      if (j % 2 == 0) {
        values[j] = i * 0.001 + j;
      } else {
        values[j] = i * 64L + j;
      }
    }
    return values;
  }

  /** Feast request bodies for random entities, every feature of the view. */
  private static List<byte[]> bodies(
      ServerBenchmarkOptions options, List<String> features, String view, int entities) {
    SplittableRandom random = new SplittableRandom(42);
    StringBuilder refs = new StringBuilder();
    for (String feature : features) {
      refs.append(refs.length() == 0 ? "" : ",")
          .append('"')
          .append(view)
          .append(':')
          .append(feature)
          .append('"');
    }
    List<byte[]> bodies = new ArrayList<>();
    for (int b = 0; b < 1000; b++) {
      StringBuilder ids = new StringBuilder();
      for (int e = 0; e < entities; e++) {
        ids.append(e == 0 ? "" : ",").append(random.nextInt(options.entities()));
      }
      bodies.add(
          ("{\"features\":[" + refs + "],\"entities\":{\"entity_id\":[" + ids + "]}}")
              .getBytes(StandardCharsets.UTF_8));
    }
    return bodies;
  }
}
