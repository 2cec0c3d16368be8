package dev.feast.iceberg.benchmarks.server;

import dev.feast.iceberg.benchmarks.online.Latencies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Load from N keep-alive connections: N threads, each with an HTTP/1.1 client of its own sending
 * its share of the requests one after another (so each holds exactly one connection), latency of
 * every request recorded.
 */
final class LoadClient {
  /** What one measured point gave. */
  record Result(Latencies latencies, double requestsPerSecond, long bytes) {}

  private LoadClient() {}

  static Result run(URI uri, List<byte[]> bodies, int connections, int requests) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(connections);
    try {
      List<HttpClient> clients = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        clients.add(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build());
      }
      int perConnection = Math.max(1, requests / connections);
      List<Future<long[]>> futures = new ArrayList<>();
      long started = System.nanoTime();
      for (int c = 0; c < connections; c++) {
        HttpClient client = clients.get(c);
        int offset = c * 7919;
        futures.add(
            threads.submit(
                () -> {
                  long[] nanos = new long[perConnection + 1];
                  for (int i = 0; i < perConnection; i++) {
                    byte[] body = bodies.get((offset + i) % bodies.size());
                    HttpRequest request =
                        HttpRequest.newBuilder(uri)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .header("Content-Type", "application/json")
                            .build();
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response =
                        client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    nanos[i] = System.nanoTime() - t0;
                    if (response.statusCode() != 200) {
                      throw new IllegalStateException(
                          uri
                              + " answered "
                              + response.statusCode()
                              + ": "
                              + new String(
                                  response.body(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                    nanos[perConnection] += response.body().length;
                  }
                  return nanos;
                }));
      }
      Latencies latencies = new Latencies(uri.toString(), perConnection * connections);
      long bytes = 0;
      for (Future<long[]> future : futures) {
        long[] nanos = future.get();
        for (int i = 0; i < perConnection; i++) {
          latencies.record(nanos[i]);
        }
        bytes += nanos[perConnection];
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      return new Result(latencies, perConnection * connections / seconds, bytes);
    } finally {
      threads.shutdownNow();
    }
  }
}
