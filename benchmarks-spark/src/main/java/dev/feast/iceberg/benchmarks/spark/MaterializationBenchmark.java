package dev.feast.iceberg.benchmarks.spark;

import dev.feast.iceberg.benchmarks.Machine;
import dev.feast.iceberg.benchmarks.offline.OfflineBenchmark;
import dev.feast.iceberg.core.materialize.LocalMaterializationEngineFactory;
import dev.feast.iceberg.offline.IcebergOfflineStoreConfig;
import dev.feast.iceberg.offline.IcebergOfflineStoreFactory;
import dev.feast.iceberg.online.IcebergOnlineStoreConfig;
import dev.feast.iceberg.online.IcebergOnlineStoreFactory;
import dev.feast.iceberg.spark.materialize.SparkEngineConfig;
import dev.feast.iceberg.spark.materialize.SparkMaterializationEngineFactory;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.materialize.MaterializationEngine;
import dev.feast.iceberg.spi.materialize.MaterializationListener;
import dev.feast.iceberg.spi.materialize.MaterializationStores;
import dev.feast.iceberg.spi.materialize.MaterializationTask;
import dev.feast.iceberg.spi.materialize.MaterializationTaskResult;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.online.OnlineStore;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.apache.spark.sql.SparkSession;

/**
 * Materialization rows/s of the Spark engine (local[*]) next to the in-process path ({@code
 * batch_engine: local}), on the same offline Iceberg table in the same run: {@code ROWS} source
 * rows over {@code KEYS} drivers, 10 features (half float64, half int64), into two fresh online
 * stores (entity_hash, 16 buckets). Run with {@code bin/benchmark-materialize [ROWS] [KEYS]}.
 */
public final class MaterializationBenchmark {
  private static final int FEATURES = 10;

  private MaterializationBenchmark() {}

  public static void main(String[] args) throws IOException {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int keys = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    Path dir = Files.createTempDirectory("feast-materialization-benchmark");
    System.out.printf(
        "Materialization benchmark: %,d source rows, %,d keys, %d features; Java %s,"
            + " %d cores; data in %s%n",
        rows,
        keys,
        FEATURES,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        dir);
    String loadBefore = Machine.load();
    SparkSession spark =
        SparkSession.builder()
            .master("local[*]")
            .appName("feast-benchmark")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            // Spark's default of 200 shuffle partitions is made for clusters: on one machine each
            // is
            // a task, and a file per online partition is written either way.
            .config(
                "spark.sql.shuffle.partitions",
                Integer.toString(2 * Runtime.getRuntime().availableProcessors()))
            .getOrCreate();
    FeatureView view = view();
    Instant end = Instant.parse("2026-12-01T00:00:00Z");
    try (TestPluginContext context = OfflineBenchmark.benchmarkContext(dir);
        OfflineStore offline =
            new IcebergOfflineStoreFactory()
                .create(
                    IcebergOfflineStoreConfig.of(
                        TestPluginContext.sqliteCatalog(dir.resolve("offline"))),
                    context)) {
      write(offline, view, rows, keys, end);
      MaterializationTask task = new MaterializationTask(view, end.minus(Duration.ofDays(30)), end);
      double local =
          run(
              "local (in-process)",
              dir,
              offline,
              task,
              rows,
              (ctx, stores) ->
                  new LocalMaterializationEngineFactory()
                      .create(new LocalMaterializationEngineFactory.Config(null), ctx, stores));
      double onSpark =
          run(
              "spark (local[*])",
              dir,
              offline,
              task,
              rows,
              (ctx, stores) ->
                  new SparkMaterializationEngineFactory()
                      .create(new SparkEngineConfig(Map.of()), ctx, stores));
      System.out.printf("spark/local = %.2fx (source rows/s)%n", onSpark / local);
    } finally {
      spark.stop();
    }
    System.out.printf(
        "machine load average (1, 5, 15 min) at the start: %s, at the end: %s%n",
        loadBefore, Machine.load());
  }

  private static double run(
      String name,
      Path dir,
      OfflineStore offline,
      MaterializationTask task,
      int rows,
      BiFunction<TestPluginContext, MaterializationStores, MaterializationEngine> engines) {
    Path folder = dir.resolve(name.substring(0, name.indexOf(' ')));
    IcebergOnlineStoreConfig onlineConfig =
        IcebergOnlineStoreConfig.defaults(TestPluginContext.sqliteCatalog(folder));
    try (TestPluginContext onlineContext = OfflineBenchmark.benchmarkContext(folder);
        OnlineStore online = new IcebergOnlineStoreFactory().create(onlineConfig, onlineContext)) {
      online.update(List.of(task.view()), List.of());
      MaterializationStores stores =
          new MaterializationStores(
              offline,
              IcebergOfflineStoreConfig.of(TestPluginContext.sqliteCatalog(dir.resolve("offline"))),
              online,
              onlineConfig,
              10_000);
      try (MaterializationEngine engine = engines.apply(onlineContext, stores)) {
        long started = System.nanoTime();
        MaterializationTaskResult result = engine.materialize(task, MaterializationListener.NONE);
        double seconds = (System.nanoTime() - started) / 1e9;
        double perSecond = rows / seconds;
        System.out.printf(
            "%-20s %,10d keys written in %6.1f s   %,10.0f source rows/s   %,10.0f keys/s%n",
            name, result.rows(), seconds, perSecond, result.rows() / seconds);
        return perSecond;
      }
    }
  }

  private static void write(
      OfflineStore offline, FeatureView view, int rows, int keys, Instant end) {
    Random random = new Random(42);
    List<Field> columns = new ArrayList<>();
    columns.add(Field.of("driver_id", ValueType.INT64));
    columns.addAll(view.features());
    columns.add(Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP));
    columns.add(Field.of("created", ValueType.UNIX_TIMESTAMP));
    long started = System.nanoTime();
    for (int from = 0; from < rows; from += 250_000) {
      RowSet.Builder batch = RowSet.builder(columns);
      for (int r = from; r < Math.min(rows, from + 250_000); r++) {
        List<Object> row = new ArrayList<>(columns.size());
        row.add((long) random.nextInt(keys));
        for (int f = 0; f < FEATURES; f++) {
          row.add(f % 2 == 0 ? (Object) random.nextDouble() : (Object) random.nextLong());
        }
        Instant ts = end.minusSeconds(random.nextInt(29 * 86_400));
        row.add(ts);
        row.add(ts.plusSeconds(random.nextInt(60)));
        batch.add(row);
      }
      offline.writeBatch(view, batch.build());
    }
    System.out.printf("offline table written in %.1f s%n", (System.nanoTime() - started) / 1e9);
  }

  private static FeatureView view() {
    FeatureView.Builder builder =
        FeatureView.builder("bench_stats")
            .entity(new Entity("driver", "driver_id", ValueType.INT64, "A driver"))
            .ttl(Duration.ofDays(60))
            .source(IcebergSource.of("bench.stats", "event_timestamp", "created"));
    for (int f = 0; f < FEATURES; f++) {
      builder.feature("f" + f, f % 2 == 0 ? ValueType.DOUBLE : ValueType.INT64);
    }
    return builder.build();
  }
}
