package dev.feast.iceberg.benchmarks.online;

import dev.feast.iceberg.benchmarks.Machine;
import dev.feast.iceberg.catalog.jdbc.JdbcCatalogProviderFactory;
import dev.feast.iceberg.core.materialize.MaterializationResult;
import dev.feast.iceberg.core.materialize.Materializer;
import dev.feast.iceberg.offline.IcebergOfflineStoreConfig;
import dev.feast.iceberg.offline.IcebergOfflineStoreFactory;
import dev.feast.iceberg.online.IcebergOnlineStoreConfig;
import dev.feast.iceberg.online.IcebergOnlineStoreFactory;
import dev.feast.iceberg.online.PartitionStrategy;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import dev.feast.iceberg.spi.online.OnlineStore;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The online store against Redis 7, side by side in one run: N entities with F features (half
 * float64, half int64), written to the Iceberg online store and to a local {@code redis-server} in
 * Feast's Redis layout; then p50/p99 of 1-key and 100-key reads of every feature, warm and as the
 * first read after another writer's commit, and write throughput. Prints figures, ratios to Redis
 * and the targets.
 *
 * <p>Run: {@code bin/benchmark-online} (full size) or {@code bin/benchmark-online 100000}.
 */
public final class OnlineBenchmark {
  static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

  /** Feast's default {@code online_write_batch_size}, as a user's materialization runs. */
  private static final int MATERIALIZE_BATCH = 10_000;

  private final BenchmarkOptions options;
  private final List<String> features = new ArrayList<>();
  private final FeatureView view;
  private final List<EntityKey> keys;
  private long sink;
  private long writeCpuNanos;
  private long materializeCpuNanos;

  private OnlineBenchmark(BenchmarkOptions options) {
    this.options = options;
    FeatureView.Builder builder =
        FeatureView.builder("entity_features")
            .entity(Entity.of("entity", "entity_id", ValueType.INT64))
            .ttl(Duration.ZERO)
            .source(IcebergSource.of("raw.entity_features", "event_timestamp", "created"));
    for (int j = 0; j < options.features(); j++) {
      String name = String.format("f%02d", j);
      features.add(name);
      builder.feature(name, j % 2 == 0 ? ValueType.DOUBLE : ValueType.INT64);
    }
    this.view = builder.build();
    // A cold-start-only run makes its keys as it writes them (10M keys would not fit).
    this.keys = new ArrayList<>(options.coldStartOnly() ? 0 : options.entities());
    for (long i = 0; !options.coldStartOnly() && i < options.entities(); i++) {
      keys.add(EntityKey.of("entity_id", i));
    }
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    BenchmarkOptions options = BenchmarkOptions.parse(args);
    Path dir =
        options.dir() != null
            ? Files.createDirectories(options.dir())
            : Files.createTempDirectory("feast-online-benchmark");
    int status = 0;
    try {
      OnlineBenchmark benchmark = new OnlineBenchmark(options);
      if (options.coldStartOnly()) {
        ColdStartRun.run(
            options, dir, benchmark.view, benchmark.features, benchmark::values, benchmark::asMap);
      } else {
        benchmark.run(dir);
      }
    } catch (Exception | Error e) {
      e.printStackTrace();
      status = 1;
    } finally {
      if (options.dir() == null) {
        Machine.deleteRecursively(dir);
      }
    }
    // s3proxy's server threads are not daemons: without an exit, a failed run would hang (under
    // exec:java, the failure itself is only shown once every such thread has ended).
    System.exit(status);
  }

  private void run(Path dir) throws Exception {
    Report report = new Report(options);
    RuntimeException filesFailure = null;
    try (TestPluginContext context =
            new TestPluginContext("bench", dir, List.of(new JdbcCatalogProviderFactory()));
        RedisServer redis = RedisServer.start(dir);
        RedisSide redisSide = new RedisSide(redis, view.name(), features)) {
      report.header(redis.version(), dir);
      IcebergOnlineStoreConfig config =
          IcebergOnlineStoreConfig.builder(TestPluginContext.sqliteCatalog(context.repoPath()))
              .partitionStrategy(PartitionStrategy.ENTITY_HASH)
              .partitionBuckets(16)
              .refreshIntervalMs(1000L)
              .build();
      IcebergOnlineStoreFactory factory = new IcebergOnlineStoreFactory();
      try (OnlineStore writer = factory.create(config, context)) {
        writer.update(List.of(view), List.of());
        double icebergRate = writeIceberg(writer);
        long redisEmpty = redis.usedMemory();
        double redisRate = redisSide.write(this::values, options);
        long redisBytes = redis.usedMemory() - redisEmpty;
        report.writes(icebergRate, redisRate, writeCpuNanos, redisSide.writeCpuNanos());
        double materializeRate = materialize(context, dir);
        report.materialization(materializeRate, redisRate, materializeCpuNanos);

        long heapBefore = HeapGauge.usedAfterGc();
        long started = System.nanoTime();
        long startedCpu = Cpu.processNanos();
        try (OnlineStore reader = factory.create(config, context)) {
          reader.read(view, keys.subList(0, 1), features);
          report.coldStart((System.nanoTime() - started) / 1e6);
          report.coldStartCpu((Cpu.processNanos() - startedCpu) / 1e6);
          report.memory(HeapGauge.usedAfterGc() - heapBefore, redisBytes);
          readAll(reader, redisSide, report);
        }
        try (OnlineStore follower =
            factory.create(
                IcebergOnlineStoreConfig.builder(
                        TestPluginContext.sqliteCatalog(context.repoPath()))
                    .partitionStrategy(PartitionStrategy.ENTITY_HASH)
                    .partitionBuckets(16)
                    .refreshIntervalMs(0L)
                    .build(),
                context)) {
          follower.read(view, keys.subList(0, 1), features);
          afterSnapshots(writer, follower, redisSide, report);
        }
        if (options.fallbackReads() > 0) {
          try {
            fromFiles(config, context, dir, report, writer);
          } catch (RuntimeException e) {
            // The figures measured so far are still worth printing.
            filesFailure = e;
          }
        }
      }
    }
    report.print();
    if (filesFailure != null) {
      throw filesFailure;
    }
    System.out.println(
        "(checksum of the values read "
            + sink
            + "; --dir=<folder> keeps the data, else it is deleted)");
  }

  /** Writes every entity once in batches; returns the rows per second of the writes. */
  private double writeIceberg(OnlineStore store) {
    long nanos = 0;
    for (int from = 0; from < options.entities(); from += options.batch()) {
      int to = Math.min(options.entities(), from + options.batch());
      List<OnlineRow> rows = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        rows.add(new OnlineRow(keys.get(i), asMap(values(i, 0)), BASE, BASE));
      }
      long started = System.nanoTime();
      long cpu = Cpu.processNanos();
      store.write(view, rows);
      nanos += System.nanoTime() - started;
      writeCpuNanos += Cpu.processNanos() - cpu;
    }
    return options.entities() / (nanos / 1e9);
  }

  /**
   * Materializes the view from an offline Iceberg table holding the same rows into a second online
   * namespace, as {@code FeatureStore.materialize} does (its Materializer, the offline store's
   * pull, the online store's bulk write), batches of Feast's default size; returns rows/s.
   */
  private double materialize(TestPluginContext context, Path dir) throws Exception {
    OfflineSource.create(
        context.catalog(TestPluginContext.sqliteCatalog(context.repoPath())).catalog(),
        features,
        options.entities(),
        dir);
    IcebergOnlineStoreConfig config =
        IcebergOnlineStoreConfig.builder(TestPluginContext.sqliteCatalog(context.repoPath()))
            .namespace("feast_materialized")
            .partitionStrategy(PartitionStrategy.ENTITY_HASH)
            .partitionBuckets(16)
            .refreshIntervalMs(1000L)
            .build();
    try (OnlineStore online = new IcebergOnlineStoreFactory().create(config, context);
        OfflineStore offline =
            new IcebergOfflineStoreFactory()
                .create(
                    IcebergOfflineStoreConfig.of(
                        TestPluginContext.sqliteCatalog(context.repoPath())),
                    context)) {
      online.update(List.of(view), List.of());
      Materializer materializer = new Materializer(offline, online, MATERIALIZE_BATCH);
      long started = System.nanoTime();
      long cpu = Cpu.processNanos();
      MaterializationResult result =
          materializer.materialize(
              view, BASE.minus(Duration.ofDays(1)), BASE.plus(Duration.ofDays(1)));
      double seconds = (System.nanoTime() - started) / 1e9;
      materializeCpuNanos = Cpu.processNanos() - cpu;
      if (result.rows() != options.entities()) {
        throw new IllegalStateException(
            "Materialized " + result.rows() + " rows, not " + options.entities());
      }
      int last = options.entities() - 1;
      List<OnlineResult> check = online.read(view, List.of(keys.get(0), keys.get(last)), features);
      for (int k = 0; k < 2; k++) {
        int i = k == 0 ? 0 : last;
        for (int j = 0; j < 2; j++) {
          Object expected = values(i, 0)[j];
          Object actual = check.get(k).value(features.get(j));
          if (!expected.equals(actual)) {
            throw new IllegalStateException(
                "Materialized entity "
                    + i
                    + " "
                    + features.get(j)
                    + " is "
                    + actual
                    + ", not "
                    + expected);
          }
        }
      }
      sink += check.size();
      return options.entities() / seconds;
    }
  }

  private void readAll(OnlineStore iceberg, RedisSide redis, Report report) {
    SplittableRandom random = new SplittableRandom(42);
    int warmup = Math.max(1, options.reads() / 4);
    Latencies ice1 = new Latencies("iceberg 1 key", options.reads());
    Latencies red1 = new Latencies("redis 1 key", options.reads());
    Latencies ice100 = new Latencies("iceberg 100 keys", options.reads100());
    Latencies red100 = new Latencies("redis 100 keys", options.reads100());
    for (int round = 0; round < 2; round++) {
      boolean measured = round == 1;
      int ones = measured ? options.reads() : warmup;
      for (int i = 0; i < ones; i++) {
        List<EntityKey> asked = List.of(keys.get(random.nextInt(keys.size())));
        long t0 = System.nanoTime();
        consume(iceberg.read(view, asked, features));
        long t1 = System.nanoTime();
        sink += redis.read(asked).size();
        long t2 = System.nanoTime();
        if (measured) {
          ice1.record(t1 - t0);
          red1.record(t2 - t1);
        }
      }
      int hundreds = measured ? options.reads100() : Math.max(1, options.reads100() / 4);
      for (int i = 0; i < hundreds; i++) {
        List<EntityKey> asked = new ArrayList<>(100);
        for (int k = 0; k < 100; k++) {
          asked.add(keys.get(random.nextInt(keys.size())));
        }
        long t0 = System.nanoTime();
        consume(iceberg.read(view, asked, features));
        long t1 = System.nanoTime();
        sink += redis.read(asked).size();
        long t2 = System.nanoTime();
        if (measured) {
          ice100.record(t1 - t0);
          red100.record(t2 - t1);
        }
      }
    }
    report.warm(ice1, red1, ice100, red100);
  }

  /**
   * Another store commits 1,000 updated rows; the follower (refresh_interval_ms 0) then reads one
   * of them: the read includes the catalog check and catching up with the new snapshot.
   */
  private void afterSnapshots(
      OnlineStore writer, OnlineStore follower, RedisSide redis, Report report) {
    SplittableRandom random = new SplittableRandom(7);
    Latencies iceberg = new Latencies("iceberg first read after a commit", options.snapshots());
    Latencies redisFirst = new Latencies("redis first read after a write", options.snapshots());
    Latencies icebergCpu = new Latencies("iceberg CPU time of that read", options.snapshots());
    int batch = Math.min(1_000, options.entities());
    // The first rounds warm up the code paths of catching up (JIT), as the warm reads do.
    int warmup = Math.max(1, options.snapshots() / 5);
    for (int round = 1; round <= warmup + options.snapshots(); round++) {
      Instant event = BASE.plus(Duration.ofMinutes(round));
      List<OnlineRow> rows = new ArrayList<>(batch);
      List<Integer> updated = new ArrayList<>(batch);
      for (int n = 0; n < batch; n++) {
        int i = random.nextInt(keys.size());
        updated.add(i);
        rows.add(new OnlineRow(keys.get(i), asMap(values(i, round)), event, event));
      }
      writer.write(view, rows);
      redis.writeRows(updated, round, event, this::values);
      int probe = updated.get(batch - 1);
      Object expected = values(probe, round)[0];
      List<EntityKey> asked = List.of(keys.get(probe));
      long cpu = Cpu.processNanos();
      long t0 = System.nanoTime();
      List<OnlineResult> results = follower.read(view, asked, features);
      long t1 = System.nanoTime();
      long cpuUsed = Cpu.processNanos() - cpu;
      List<Map<String, Object>> fromRedis = redis.read(asked);
      long t2 = System.nanoTime();
      if (!expected.equals(results.get(0).value(features.get(0)))
          || !expected.equals(fromRedis.get(0).get(features.get(0)))) {
        throw new IllegalStateException(
            "Round "
                + round
                + ": expected "
                + expected
                + ", got "
                + results.get(0).value(features.get(0))
                + " and "
                + fromRedis.get(0));
      }
      if (round > warmup) {
        iceberg.record(t1 - t0);
        redisFirst.record(t2 - t1);
        icebergCpu.record(cpuUsed);
      }
    }
    report.afterSnapshot(iceberg, redisFirst);
    report.cpuOfFirstRead(icebergCpu);
  }

  /** Reads past the memory budget, from the files of the local table and of one on S3. */
  private void fromFiles(
      IcebergOnlineStoreConfig config,
      TestPluginContext context,
      Path dir,
      Report report,
      OnlineStore memory) {
    FileReads reads = new FileReads(view, keys, features, options.fallbackReads());
    FileReads.Figures local = reads.measure("local", config, context, memory);
    FileReads.Figures s3 =
        reads.onS3(context, dir, i -> asMap(values(i, 0)), options.batch(), config);
    sink += reads.sink();
    report.fromFiles(local, s3);
  }

  private void consume(List<OnlineResult> results) {
    for (OnlineResult result : results) {
      sink += result.features().size();
    }
  }

  /** The feature values of entity {@code i} at write round {@code round}. */
  Object[] values(int i, int round) {
    Object[] values = new Object[features.size()];
    for (int j = 0; j < values.length; j++) {
      // Not a conditional expression: it would promote the longs to double.
      if (j % 2 == 0) {
        values[j] = i * 0.001 + j + round;
      } else {
        values[j] = i * 64L + j + round;
      }
    }
    return values;
  }

  private Map<String, Object> asMap(Object[] values) {
    Map<String, Object> map = new java.util.HashMap<>(values.length * 2);
    for (int j = 0; j < values.length; j++) {
      map.put(features.get(j), values[j]);
    }
    return map;
  }
}
