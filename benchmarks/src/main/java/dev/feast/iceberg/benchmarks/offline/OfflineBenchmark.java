package dev.feast.iceberg.benchmarks.offline;

import dev.feast.iceberg.catalog.jdbc.JdbcCatalogProviderFactory;
import dev.feast.iceberg.common.DuckDbConnections;
import dev.feast.iceberg.common.DuckDbSettings;
import dev.feast.iceberg.offline.IcebergOfflineStoreConfig;
import dev.feast.iceberg.offline.IcebergOfflineStoreFactory;
import dev.feast.iceberg.offline.IcebergRetrievalJob;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.ViewSelection;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBResultSet;

/**
 * The offline store's retrieval against hand-written DuckDB SQL over the same Parquet files, in one
 * run: (a) the store, (b) a bare ASOF LEFT JOIN, (c) the best Feast-exact SQL by hand, (d) Feast's
 * window point-in-time join. Every result is read whole as Arrow batches. Prints rows per second
 * and the ratios a/c, a/b, a/d. Run with {@code bin/benchmark-offline}; {@code --quick} for a small
 * run, see {@link BenchmarkOptions} for the rest.
 */
public final class OfflineBenchmark {
  private OfflineBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchmarkOptions options = BenchmarkOptions.parse(args);
    Files.createDirectories(options.dir());
    BenchmarkData data = options.data();
    DuckDbSettings settings = options.duckDb();
    System.out.printf(
        Locale.ROOT,
        "offline benchmark: %d views x %,d feature rows (%d entities x %d hours), %,d entity rows,"
            + " ttl %s, DuckDB threads %d, memory_limit %s, max heap %d MB%n",
        data.views,
        data.featureRowsPerView(),
        data.entities,
        data.hours,
        data.entityRows,
        BenchmarkData.TTL,
        options.threads(),
        options.memoryLimit(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));

    TestPluginContext context = benchmarkContext(options.dir());
    CatalogConfig catalogConfig = benchmarkCatalog(options.dir());
    long prepareStart = System.nanoTime();
    try (Connection duckdb = DuckDbConnections.open(settings)) {
      data.prepare(duckdb, context.catalog(catalogConfig).catalog());
    }
    System.out.printf(Locale.ROOT, "data ready in %.1f s%n", seconds(prepareStart));

    IcebergOfflineStoreConfig config =
        IcebergOfflineStoreConfig.of(catalogConfig)
            .withDuckDb(options.memoryLimit(), options.threads(), settings.tempDirectory());
    BaselineQueries baselines = new BaselineQueries(data);
    List<Result> results = new ArrayList<>();
    try (OfflineStore store = new IcebergOfflineStoreFactory().create(config, context);
        BufferAllocator allocator = new RootAllocator()) {
      HistoricalRequest fromFile = request(data, new EntitySource.ParquetFile(data.entityFile));
      if (options.printSql()) {
        try (RetrievalJob job = store.getHistoricalFeatures(fromFile)) {
          System.out.println("-- (a) the store\n" + job.sql() + "\n");
        }
        System.out.println("-- (b)\n" + baselines.bareAsof() + "\n");
        System.out.println("-- (c)\n" + baselines.feastExact() + "\n");
        System.out.println("-- (d)\n" + baselines.feastWindow());
        return;
      }
      HistoricalRequest inMemory =
          options.inMemoryEntities()
              ? request(data, EntitySource.of(readEntities(data, settings)))
              : null;
      // Rounds interleave the approaches so a burst of load elsewhere hits them alike.
      Result a = null;
      Result b = null;
      Result c = null;
      Result m = null;
      for (int round = 0; round < options.repeat(); round++) {
        b = better(b, runSql("b", baselines.bareAsof(), settings, allocator));
        c = better(c, runSql("c", baselines.feastExact(), settings, allocator));
        a = better(a, runStore("a", store, fromFile, allocator));
        if (inMemory != null) {
          m = better(m, runStore("a, entity rows in memory", store, inMemory, allocator));
        }
      }
      results.add(a);
      results.add(b);
      results.add(c);
      if (m != null) {
        results.add(m);
      }
      Result d = null;
      if (!options.skipWindow()) {
        d = runSql("d", baselines.feastWindow(), settings, allocator);
        results.add(d);
      }
      print(results, a, b, c, d);
    } finally {
      context.close();
    }
  }

  private static HistoricalRequest request(BenchmarkData data, EntitySource entities) {
    List<ViewSelection> views = new ArrayList<>();
    for (FeatureView view : data.featureViews) {
      views.add(ViewSelection.all(view));
    }
    return new HistoricalRequest(entities, views, true, false);
  }

  private static Result runStore(
      String name, OfflineStore store, HistoricalRequest request, BufferAllocator allocator)
      throws Exception {
    long start = System.nanoTime();
    double cpu = cpuSeconds();
    ArrowTally tally;
    double planning;
    try (RetrievalJob job = store.getHistoricalFeatures(request)) {
      job.columns(); // plans: loads the entity rows, plans the scans
      planning = seconds(start);
      try (ArrowReader reader = ((IcebergRetrievalJob) job).arrow(allocator)) {
        tally = ArrowTally.of(reader);
      }
    }
    System.out.printf(
        Locale.ROOT, "  (%s: %.2f s of it planning and loading entity rows)%n", name, planning);
    return new Result(name, seconds(start), cpuSeconds() - cpu, tally);
  }

  private static Result runSql(
      String name, String sql, DuckDbSettings settings, BufferAllocator allocator)
      throws Exception {
    long start = System.nanoTime();
    double cpu = cpuSeconds();
    ArrowTally tally;
    try (Connection connection = DuckDbConnections.open(settings);
        Statement statement = connection.createStatement();
        DuckDBResultSet results = statement.executeQuery(sql).unwrap(DuckDBResultSet.class);
        ArrowReader reader =
            (ArrowReader)
                results.arrowExportStream(
                    allocator, IcebergRetrievalJob.DEFAULT_ARROW_BATCH_ROWS)) {
      tally = ArrowTally.of(reader);
    }
    return new Result(name, seconds(start), cpuSeconds() - cpu, tally);
  }

  /** The entity file's rows as Java values, for the in-memory entity rows run (not timed). */
  private static RowSet readEntities(BenchmarkData data, DuckDbSettings settings) throws Exception {
    RowSet.Builder rows =
        RowSet.builder(
            Field.of("entity_id", ValueType.INT64),
            Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP));
    try (Connection connection = DuckDbConnections.open(settings);
        Statement statement = connection.createStatement();
        ResultSet results =
            statement.executeQuery(
                "SELECT entity_id, event_timestamp FROM read_parquet('"
                    + data.entityFile.toString().replace("'", "''")
                    + "')")) {
      while (results.next()) {
        Instant t = results.getObject(2, OffsetDateTime.class).toInstant();
        rows.add(results.getLong(1), t);
      }
    }
    return rows.build();
  }

  private static Result better(Result best, Result result) {
    return best == null || result.seconds() < best.seconds() ? result : best;
  }

  private static void print(List<Result> results, Result a, Result b, Result c, Result d) {
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "%-28s %9s %9s %12s  %s%n",
        "approach",
        "seconds",
        "cpu s",
        "rows/s",
        "answer");
    for (Result r : results) {
      System.out.printf(
          Locale.ROOT,
          "%-28s %9.2f %9.2f %,12.0f  %s%n",
          "(" + r.name() + ")",
          r.seconds(),
          r.cpuSeconds(),
          r.rowsPerSecond(),
          r.tally());
    }
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "a/c = %.2f (target >= 1.0)   a/b = %.2f (target >= 0.8)%s%n",
        a.rowsPerSecond() / c.rowsPerSecond(),
        a.rowsPerSecond() / b.rowsPerSecond(),
        d == null
            ? ""
            : String.format(
                Locale.ROOT, "   a/d = %.1f (target >= 8)", a.rowsPerSecond() / d.rowsPerSecond()));
    System.out.printf(
        Locale.ROOT,
        "by CPU time: a/c = %.2f   a/b = %.2f%s%n",
        c.cpuSeconds() / a.cpuSeconds(),
        b.cpuSeconds() / a.cpuSeconds(),
        d == null
            ? ""
            : String.format(Locale.ROOT, "   a/d = %.1f", d.cpuSeconds() / a.cpuSeconds()));
    System.out.printf(
        Locale.ROOT,
        "load average %.2f (the machine has %d cores)%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
    System.out.println(
        "answers: a equals c: "
            + a.tally().sameAnswer(c.tally())
            + (d == null ? "" : ", a equals d: " + a.tally().sameAnswer(d.tally())));
    System.out.printf(
        Locale.ROOT,
        "peak RSS %d MB (JVM heap max %d MB + DuckDB, held to its memory_limit)%n",
        PeakMemory.residentPeakMb(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private record Result(String name, double seconds, double cpuSeconds, ArrowTally tally) {
    double rowsPerSecond() {
      return tally.rows / seconds;
    }
  }

  /** CPU time of the whole process (JVM and DuckDB's native threads), in seconds. */
  private static double cpuSeconds() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime() / 1e9
        : Double.NaN;
  }

  /**
   * The offline benchmarks' catalog: {@code bench}, Iceberg's JDBC catalog on SQLite in {@code
   * dir}.
   */
  public static CatalogConfig benchmarkCatalog(Path dir) {
    return new CatalogConfig(
        "jdbc",
        "bench",
        Map.of(
            "uri",
            "jdbc:sqlite:" + dir.resolve("catalog.db"),
            "warehouse",
            dir.resolve("warehouse").toString()));
  }

  /** The plugin context of the offline benchmarks: project "benchmark", the JDBC catalog. */
  public static TestPluginContext benchmarkContext(Path dir) {
    return new TestPluginContext("benchmark", dir, List.of(new JdbcCatalogProviderFactory()));
  }
}
