package dev.feast.iceberg.benchmarks.online;

import java.nio.file.Path;

/**
 * The benchmark's command line: {@code --entities=1000000 --features=50 --batch=100000
 * --reads=20000 --reads100=2000 --snapshots=50 --fallback-reads=200 --dir=<folder>
 * --cold-start-only}; every option may be left out. A bare number is taken as {@code --entities},
 * for quick scaled-down runs.
 */
record BenchmarkOptions(
    int entities,
    int features,
    int batch,
    int reads,
    int reads100,
    int snapshots,
    int fallbackReads,
    Path dir,
    boolean coldStartOnly) {

  static BenchmarkOptions parse(String[] args) {
    int entities = 1_000_000;
    int features = 50;
    int batch = 100_000;
    int reads = 20_000;
    int reads100 = 2_000;
    int snapshots = 50;
    int fallbackReads = 200;
    Path dir = null;
    boolean coldStartOnly = false;
    for (String arg : args) {
      if (arg.equals("--cold-start-only")) {
        coldStartOnly = true;
        continue;
      }
      if (arg.matches("\\d+")) {
        entities = Integer.parseInt(arg);
        continue;
      }
      String[] pair = arg.replaceFirst("^--", "").split("=", 2);
      if (pair.length != 2) {
        throw new IllegalArgumentException(
            "Unknown argument '" + arg + "'; use --name=value, e.g." + " --entities=100000");
      }
      switch (pair[0]) {
        case "entities" -> entities = Integer.parseInt(pair[1]);
        case "features" -> features = Integer.parseInt(pair[1]);
        case "batch" -> batch = Integer.parseInt(pair[1]);
        case "reads" -> reads = Integer.parseInt(pair[1]);
        case "reads100" -> reads100 = Integer.parseInt(pair[1]);
        case "snapshots" -> snapshots = Integer.parseInt(pair[1]);
        case "fallback-reads" -> fallbackReads = Integer.parseInt(pair[1]);
        case "dir" -> dir = Path.of(pair[1]);
        default ->
            throw new IllegalArgumentException(
                "Unknown option --"
                    + pair[0]
                    + "; known: entities, features, batch, reads, reads100, snapshots, fallback-reads, dir"
                    + " (and the flag --cold-start-only)");
      }
    }
    return new BenchmarkOptions(
        entities,
        features,
        Math.min(batch, entities),
        reads,
        reads100,
        snapshots,
        fallbackReads,
        dir,
        coldStartOnly);
  }
}
