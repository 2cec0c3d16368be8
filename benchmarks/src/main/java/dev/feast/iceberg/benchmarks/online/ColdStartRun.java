package dev.feast.iceberg.benchmarks.online;

import dev.feast.iceberg.benchmarks.Machine;
import dev.feast.iceberg.catalog.jdbc.JdbcCatalogProviderFactory;
import dev.feast.iceberg.online.IcebergOnlineStoreConfig;
import dev.feast.iceberg.online.IcebergOnlineStoreFactory;
import dev.feast.iceberg.online.PartitionStrategy;
import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.online.OnlineRow;
import dev.feast.iceberg.spi.online.OnlineStore;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The cold start alone, for sizes whose Redis side and read rounds would not fit this machine
 * ({@code --cold-start-only}, e.g. 10M keys): the rows are written with one bulk write (which
 * builds no serving state, so only the measured instance holds one), then a new store instance
 * builds the serving state with its first read; prints the time and the heap per key.
 */
final class ColdStartRun {
  private ColdStartRun() {}

  static void run(
      BenchmarkOptions options,
      Path dir,
      FeatureView view,
      List<String> features,
      BiFunction<Integer, Integer, Object[]> values,
      Function<Object[], Map<String, Object>> asMap)
      throws Exception {
    String loadAtStart = Machine.load();
    try (TestPluginContext context =
        new TestPluginContext("bench", dir, List.of(new JdbcCatalogProviderFactory()))) {
      IcebergOnlineStoreConfig config =
          IcebergOnlineStoreConfig.builder(TestPluginContext.sqliteCatalog(context.repoPath()))
              .partitionStrategy(PartitionStrategy.ENTITY_HASH)
              .partitionBuckets(16)
              .refreshIntervalMs(1000L)
              .build();
      IcebergOnlineStoreFactory factory = new IcebergOnlineStoreFactory();
      long written = System.nanoTime();
      try (OnlineStore writer = factory.create(config, context)) {
        writer.update(List.of(view), List.of());
        writer.writeAll(view, batches(options, values, asMap));
      }
      double writeSeconds = (System.nanoTime() - written) / 1e9;
      long before = HeapGauge.usedAfterGc();
      long started = System.nanoTime();
      try (OnlineStore reader = factory.create(config, context)) {
        reader.read(view, List.of(EntityKey.of("entity_id", 0L)), features);
        double millis = (System.nanoTime() - started) / 1e6;
        long heap = HeapGauge.usedAfterGc() - before;
        System.out.printf(
            Locale.ROOT,
            "Cold start only: %,d entities x %d features (half float64,"
                + " half int64), entity_hash 16 buckets, written in one bulk write in %.0f s;"
                + " Java %s, %d cores, max heap %,d MB%n",
            options.entities(),
            options.features(),
            writeSeconds,
            System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(
            Locale.ROOT,
            "cold start         iceberg %,.0f ms to build the serving"
                + " state of a new store instance (%,.0f keys/s)%n",
            millis,
            options.entities() / (millis / 1e3));
        System.out.printf(
            Locale.ROOT,
            "serving state heap %,.0f bytes per key (%,d MB in all)%n",
            heap / (double) options.entities(),
            heap >> 20);
        System.out.println(
            "machine load average (1, 5, 15 min) at the start: "
                + loadAtStart
                + ", at the end: "
                + Machine.load());
      }
    }
  }

  private static Iterator<List<OnlineRow>> batches(
      BenchmarkOptions options,
      BiFunction<Integer, Integer, Object[]> values,
      Function<Object[], Map<String, Object>> asMap) {
    return new Iterator<>() {
      private int from;

      @Override
      public boolean hasNext() {
        return from < options.entities();
      }

      @Override
      public List<OnlineRow> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int to = Math.min(options.entities(), from + options.batch());
        List<OnlineRow> rows = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
          rows.add(
              new OnlineRow(
                  EntityKey.of("entity_id", (long) i),
                  asMap.apply(values.apply(i, 0)),
                  OnlineBenchmark.BASE,
                  OnlineBenchmark.BASE));
        }
        from = to;
        return rows;
      }
    };
  }
}
