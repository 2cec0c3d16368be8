package dev.feast.iceberg.benchmarks.server;

/**
 * The server benchmark's command line: {@code --entities=1000000 --features=50 --requests=4000
 * --requests100=800}; a bare number is {@code --entities}, for scaled-down runs. Requests are per
 * measured point (endpoint, connections, entities per request), spread over the connections.
 */
record ServerBenchmarkOptions(int entities, int features, int requests, int requests100) {
  static ServerBenchmarkOptions parse(String[] args) {
    int entities = 1_000_000;
    int features = 50;
    int requests = 4_000;
    int requests100 = 800;
    for (String arg : args) {
      if (arg.matches("\\d+")) {
        entities = Integer.parseInt(arg);
        continue;
      }
      String[] pair = arg.replaceFirst("^--", "").split("=", 2);
      if (pair.length != 2) {
        throw new IllegalArgumentException("Unknown argument '" + arg + "'; use --name=value");
      }
      switch (pair[0]) {
        case "entities" -> entities = Integer.parseInt(pair[1]);
        case "features" -> features = Integer.parseInt(pair[1]);
        case "requests" -> requests = Integer.parseInt(pair[1]);
        case "requests100" -> requests100 = Integer.parseInt(pair[1]);
        default ->
            throw new IllegalArgumentException(
                "Unknown option --"
                    + pair[0]
                    + "; known: entities, features, requests, requests100");
      }
    }
    return new ServerBenchmarkOptions(entities, features, requests, requests100);
  }
}
