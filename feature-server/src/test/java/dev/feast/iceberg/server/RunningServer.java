package dev.feast.iceberg.server;

import dev.feast.iceberg.core.FeatureStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

/** A feature server on a free port of 127.0.0.1 over a repository, and a client for it. */
final class RunningServer implements AutoCloseable {
  final FeatureServer server;
  final HttpClient client;

  /** What an endpoint answered. */
  record Answer(int status, String body, Map<String, java.util.List<String>> headers) {
    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  RunningServer(FeatureServer server, HttpClient client) {
    this.server = server;
    this.client = client;
  }

  static RunningServer start(Path repo, ServerOptions options) {
    return new RunningServer(
        FeatureServer.start(FeatureStore.open(repo), options.withAddress("127.0.0.1", 0)),
        HttpClient.newHttpClient());
  }

  static RunningServer start(Path repo) {
    return start(repo, ServerOptions.defaults());
  }

  Answer post(String path, String json) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri(path))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json")
            .build());
  }

  Answer post(String path, String json, String authorization)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri(path))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json")
            .header("Authorization", authorization)
            .build());
  }

  Answer get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body(), response.headers().map());
  }

  URI uri(String path) {
    return server.uri().resolve(path);
  }

  @Override
  public void close() {
    server.stop();
  }
}
