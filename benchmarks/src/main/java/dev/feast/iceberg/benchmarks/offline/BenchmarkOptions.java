package dev.feast.iceberg.benchmarks.offline;

import dev.feast.iceberg.common.DuckDbSettings;
import java.nio.file.Path;

/**
 * The benchmark's knobs. Defaults are the full size of the issue: 3 views of 10,000 entities x
 * 1,000 hours (10M rows each) and 1M entity rows, 2 DuckDB threads.
 *
 * <pre>
 * --quick               1,000 entities x 100 hours, 100,000 entity rows
 * --entities N          entities per view            (default 10000)
 * --hours N             hourly timestamps per entity (default 1000)
 * --entity-rows N       entity rows                  (default 1000000)
 * --views N             feature views                (default 3)
 * --threads N           DuckDB threads               (default 2)
 * --memory-limit SIZE   DuckDB memory_limit          (default 2GB)
 * --repeat N            runs of a, b and c; the best counts (default 2)
 * --dir PATH            data folder, reused while the sizes match (default target/offline-benchmark)
 * --skip-window         leave out (d), which takes longest
 * --in-memory-entities  also time (a) with the entity rows handed in as Java rows
 * --print-sql           print the store's query and the hand-written ones, then stop
 * </pre>
 */
public record BenchmarkOptions(
    int entities,
    int hours,
    int entityRows,
    int views,
    int threads,
    String memoryLimit,
    int repeat,
    Path dir,
    boolean skipWindow,
    boolean inMemoryEntities,
    boolean printSql) {

  /** The benchmark's data at these sizes, in {@link #dir()}. */
  public BenchmarkData data() {
    return new BenchmarkData(dir, entities, hours, entityRows, views);
  }

  /** DuckDB's settings of the store under test and the data preparation. */
  public DuckDbSettings duckDb() {
    return new DuckDbSettings(memoryLimit, threads, dir.resolve("spill").toString());
  }

  public static BenchmarkOptions parse(String[] args) {
    int entities = 10_000;
    int hours = 1_000;
    int entityRows = 1_000_000;
    int views = 3;
    int threads = 2;
    String memoryLimit = "2GB";
    int repeat = 2;
    Path dir = Path.of("target/offline-benchmark");
    boolean skipWindow = false;
    boolean inMemory = false;
    boolean printSql = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--quick" -> {
          entities = 1_000;
          hours = 100;
          entityRows = 100_000;
        }
        case "--entities" -> entities = Integer.parseInt(value(args, ++i, arg));
        case "--hours" -> hours = Integer.parseInt(value(args, ++i, arg));
        case "--entity-rows" -> entityRows = Integer.parseInt(value(args, ++i, arg));
        case "--views" -> views = Integer.parseInt(value(args, ++i, arg));
        case "--threads" -> threads = Integer.parseInt(value(args, ++i, arg));
        case "--memory-limit" -> memoryLimit = value(args, ++i, arg);
        case "--repeat" -> repeat = Integer.parseInt(value(args, ++i, arg));
        case "--dir" -> dir = Path.of(value(args, ++i, arg));
        case "--skip-window" -> skipWindow = true;
        case "--in-memory-entities" -> inMemory = true;
        case "--print-sql" -> printSql = true;
        default ->
            throw new IllegalArgumentException(
                "Unknown argument '" + arg + "'; see BenchmarkOptions for the arguments");
      }
    }
    if (hours < 10 || entities < 1 || entityRows < 1 || views < 1 || repeat < 1) {
      throw new IllegalArgumentException(
          "Sizes must be positive and --hours at least 10 (one file per tenth of the hours)");
    }
    return new BenchmarkOptions(
        entities,
        hours,
        entityRows,
        views,
        threads,
        memoryLimit,
        repeat,
        dir.toAbsolutePath(),
        skipWindow,
        inMemory,
        printSql);
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[i];
  }
}
