package dev.feast.iceberg.benchmarks.spark;

import dev.feast.iceberg.benchmarks.Machine;
import dev.feast.iceberg.benchmarks.offline.BenchmarkData;
import dev.feast.iceberg.benchmarks.offline.BenchmarkOptions;
import dev.feast.iceberg.benchmarks.offline.OfflineBenchmark;
import dev.feast.iceberg.common.DuckDbConnections;
import dev.feast.iceberg.common.DuckDbSettings;
import dev.feast.iceberg.offline.IcebergOfflineStoreConfig;
import dev.feast.iceberg.offline.IcebergOfflineStoreFactory;
import dev.feast.iceberg.spark.offline.SparkOfflineStore;
import dev.feast.iceberg.spark.offline.SparkOfflineStoreConfig;
import dev.feast.iceberg.spark.offline.SparkOfflineStoreFactory;
import dev.feast.iceberg.spark.offline.StandaloneCluster;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.ViewSelection;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark offline store against Feast's Spark approach and the DuckDB store, on the offline
 * benchmark's data, in one run: (a) the Spark store, (b) Feast's range join + {@code row_number()}
 * written by hand on the same Spark session, (c) the DuckDB store. Each writes its result as an
 * Iceberg table (nothing comes back to the driver). Prints rows per second, {@code a/b} and {@code
 * a/c}, and the driver JVM's peak heap while (a) writes. Run with {@code bin/benchmark-spark};
 * {@code --quick} for a small run; the offline benchmark's arguments, plus {@code --partitions N}
 * (shuffle partitions, default 8), {@code --master URL} (default {@code local[*]}) and {@code
 * --cluster N} (a standalone cluster of a Master and N one-core Workers started on 127.0.0.1, each
 * executor {@code --executor-memory}, default 2g): in local mode the driver JVM also runs the
 * executors, so only a cluster run measures the driver's own heap.
 */
public final class SparkBenchmark {
  private static final double TARGET_A_OVER_B = 5.0;
  private static final long TARGET_HEAP_MB = 512;

  private SparkBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>();
    String partitions = "8";
    String master = "local[*]";
    int workers = 0;
    String executorMemory = "2g";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--partitions" -> partitions = args[++i];
        case "--master" -> master = args[++i];
        case "--cluster" -> workers = Integer.parseInt(args[++i]);
        case "--executor-memory" -> executorMemory = args[++i];
        default -> rest.add(args[i]);
      }
    }
    BenchmarkOptions options = BenchmarkOptions.parse(rest.toArray(String[]::new));
    Files.createDirectories(options.dir());
    Map<String, String> sparkConf = new HashMap<>();
    sparkConf.put("spark.sql.shuffle.partitions", partitions);
    sparkConf.put("spark.driver.memory", "1g");
    StandaloneCluster cluster = null;
    if (workers > 0) {
      cluster = StandaloneCluster.start(options.dir().resolve("cluster"), workers, executorMemory);
      master = cluster.masterUrl();
      sparkConf.put("spark.executor.memory", executorMemory);
      sparkConf.put("spark.executor.cores", "1");
      sparkConf.put("spark.cores.max", String.valueOf(workers));
      sparkConf.put("spark.driver.host", "127.0.0.1");
      sparkConf.put("spark.driver.bindAddress", "127.0.0.1");
    }
    sparkConf.put("spark.master", master);
    BenchmarkData data = options.data();
    DuckDbSettings settings = options.duckDb();
    System.out.printf(
        Locale.ROOT,
        "spark benchmark: %d views x %,d feature rows, %,d entity rows, ttl %s, master %s,"
            + " %s shuffle partitions, max heap %d MB%n",
        data.views,
        data.featureRowsPerView(),
        data.entityRows,
        BenchmarkData.TTL,
        master,
        partitions,
        Runtime.getRuntime().maxMemory() / (1024 * 1024));

    TestPluginContext context = OfflineBenchmark.benchmarkContext(options.dir());
    CatalogConfig catalogConfig = OfflineBenchmark.benchmarkCatalog(options.dir());
    Catalog catalog = context.catalog(catalogConfig).catalog();
    try (Connection duckdb = DuckDbConnections.open(settings)) {
      data.prepare(duckdb, catalog);
    }
    HistoricalRequest request = request(data);
    Result a = null;
    Result b = null;
    Result c = null;
    long heapMb;
    try (SparkOfflineStore spark =
            (SparkOfflineStore)
                new SparkOfflineStoreFactory()
                    .create(SparkOfflineStoreConfig.of(catalogConfig, sparkConf), context);
        OfflineStore duck =
            new IcebergOfflineStoreFactory()
                .create(
                    IcebergOfflineStoreConfig.of(catalogConfig)
                        .withDuckDb(
                            options.memoryLimit(), options.threads(), settings.tempDirectory()),
                    context)) {
      heapMb = -1;
      for (int round = 0; round < options.repeat(); round++) {
        resetHeapPeaks();
        Result ra = timed("(a) Spark store", () -> persist(spark, request, catalog, "result_a"));
        heapMb = Math.max(heapMb, heapPeakMb());
        a = better(a, ra);
        b =
            better(
                b,
                timed(
                    "(b) Feast approach on Spark",
                    () -> feastApproach(spark.session(), data, catalog)));
        c = better(c, timed("(c) DuckDB store", () -> persist(duck, request, catalog, "result_c")));
      }
    } finally {
      context.close();
      if (cluster != null) {
        cluster.close();
      }
    }
    long rows = data.entityRows;
    System.out.println();
    System.out.printf(Locale.ROOT, "%-40s %9s %12s%n", "approach", "seconds", "rows/s");
    for (Result r : List.of(a, b, c)) {
      System.out.printf(
          Locale.ROOT, "%-40s %9.2f %,12.0f%n", r.name(), r.seconds(), rows / r.seconds());
    }
    System.out.println();
    double ab = b.seconds() / a.seconds();
    System.out.printf(
        Locale.ROOT,
        "a/b = %.2f (target >= %.0f) %s%n",
        ab,
        TARGET_A_OVER_B,
        ab >= TARGET_A_OVER_B ? "[met ]" : "[MISS]");
    System.out.printf(
        Locale.ROOT,
        "a/c = %.2f (no target: above 1 Spark wins on this machine, below DuckDB does)%n",
        c.seconds() / a.seconds());
    System.out.printf(
        Locale.ROOT,
        "driver heap peak while (a) writes its table: %d MB (target <= %d) %s%s%n",
        heapMb,
        TARGET_HEAP_MB,
        heapMb <= TARGET_HEAP_MB ? "[met ]" : "[MISS]",
        master.startsWith("local")
            ? " (local mode: this JVM also runs the executors; --cluster 2 measures the driver alone)"
            : "");
    System.out.println("load average " + Machine.load());
  }

  private static HistoricalRequest request(BenchmarkData data) {
    List<ViewSelection> views = new ArrayList<>();
    for (FeatureView view : data.featureViews) {
      views.add(ViewSelection.all(view));
    }
    return new HistoricalRequest(new EntitySource.ParquetFile(data.entityFile), views, true, false);
  }

  private static void persist(
      OfflineStore store, HistoricalRequest request, Catalog catalog, String name) {
    TableIdentifier table = TableIdentifier.of("bench", name);
    try (RetrievalJob job = store.getHistoricalFeatures(request)) {
      job.persist(table, true);
    }
  }

  /** (b): the same entity file and tables, Feast's query, the result written as a table. */
  private static void feastApproach(SparkSession spark, BenchmarkData data, Catalog catalog) {
    spark
        .read()
        .parquet(data.entityFile.toString())
        .withColumn("entity_row_id", org.apache.spark.sql.functions.monotonically_increasing_id())
        .createOrReplaceTempView("entity_df");
    spark
        .sql(FeastSparkBaseline.sql(data, "bench"))
        .writeTo("`bench`.bench.result_b")
        .createOrReplace();
  }

  private static void resetHeapPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peaks: an upper bound of the heap used at any one time. */
  private static long heapPeakMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / (1024 * 1024);
  }

  private static Result timed(String name, Runnable run) {
    long start = System.nanoTime();
    run.run();
    Result result = new Result(name, (System.nanoTime() - start) / 1e9);
    System.out.printf(Locale.ROOT, "  (%s) %.2f s%n", name, result.seconds());
    return result;
  }

  private static Result better(Result best, Result result) {
    return best == null || result.seconds() < best.seconds() ? result : best;
  }

  private record Result(String name, double seconds) {}
}
