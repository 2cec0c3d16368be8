package dev.feast.iceberg.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every bad request is a 4xx with a JSON error naming what was wrong: never a 500, never a stack
 * trace, never HTML. Limits: 4 entity rows and 2 KB bodies here.
 */
class HostileRequestTest {
  @TempDir static Path dir;
  static RunningServer server;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    server =
        RunningServer.start(
            TestRepo.loaded(dir.resolve("repo")), ServerOptions.defaults().withLimits(2048, 4));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void assertError(RunningServer.Answer answer, int status, String... named)
      throws Exception {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.get("status").intValue()).isEqualTo(status);
    assertThat(body.get("error").textValue())
        .contains(named)
        .doesNotContain("Exception", "\tat ", "dev.feast");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "malformed JSON|{\"features\": [|400|not valid JSON",
        "not an object|[1, 2]|400|not a JSON object",
        "no features|{\"entities\": {\"driver_id\": [1]}}|400|feature_service",
        "unknown view|{\"features\": [\"nope:x\"], \"entities\": {\"driver_id\": [1]}}|404|'nope'",
        "unknown feature|{\"features\": [\"driver_stats:nope\"], \"entities\": {\"driver_id\": [1]}}|404|'nope'",
        "bad reference|{\"features\": [\"driver_stats\"], \"entities\": {\"driver_id\": [1]}}|400|driver_stats",
        "unknown service|{\"feature_service\": \"nope\", \"entities\": {\"driver_id\": [1]}}|404|'nope'",
        "wrong key type|{\"features\": [\"driver_stats:trips\"], \"entities\": {\"driver_id\": [\"abc\"]}}|400|entities['driver_id'][0]",
        "fractional key|{\"features\": [\"driver_stats:trips\"], \"entities\": {\"driver_id\": [1.5]}}|400|Int64",
        "null key|{\"features\": [\"driver_stats:trips\"], \"entities\": {\"driver_id\": [null]}}|400|null",
        "missing join key|{\"features\": [\"driver_stats:trips\"], \"entities\": {\"driverid\": [1]}}|400|'driver_id'",
        "ragged rows|{\"features\": [\"driver_stats:trips\"], \"entities\": {\"driver_id\": [1, 2], \"x\": [1]}}|400|one value per row",
        "too many rows|{\"features\": [\"driver_stats:trips\"], \"entities\": {\"driver_id\": [1, 2, 3, 4, 5]}}|413|limit of 4",
        "colliding names|{\"features\": [\"driver_stats:trips\", \"driver_stats:trips\", \"driver_scores:score\", \"driver_stats:name\"], \"entities\": {\"driver_id\": [1]}, \"full_feature_names\": \"yes\"}|400|full_feature_names",
      })
  void getOnlineFeaturesRefuses(String what, String body, int status, String named)
      throws Exception {
    assertError(server.post("/get-online-features", body), status, named);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown source|{\"push_source_name\": \"nope\", \"df\": {\"driver_id\": [1]}}|404|'nope'",
        "bad mode|{\"push_source_name\": \"driver_scores\", \"to\": \"cloud\", \"df\": {\"driver_id\": [1]}}|400|cloud",
        "missing column|{\"push_source_name\": \"driver_scores\", \"df\": {\"driver_id\": [1], \"score\": [1.0]}}|400|'tags'",
        "typo column|{\"push_source_name\": \"driver_scores\", \"df\": {\"driver_id\": [1], \"scor\": [1.0]}}|400|'scor'",
        "wrong value|{\"push_source_name\": \"driver_scores\", \"df\": {\"driver_id\": [1], \"score\": [\"high\"], \"tags\": [[]], \"event_timestamp\": [1]}}|400|df['score'][0]",
        "bad time|{\"push_source_name\": \"driver_scores\", \"df\": {\"driver_id\": [1], \"score\": [1.0], \"tags\": [[]], \"event_timestamp\": [\"yesterday\"]}}|400|yesterday",
      })
  void pushRefuses(String what, String body, int status, String named) throws Exception {
    assertError(server.post("/push", body), status, named);
  }

  @Test
  void materializeRefusesBadTimesUnknownViewsAndAsync() throws Exception {
    assertError(
        server.post("/materialize", "{\"start_ts\": \"2026-11-25T10:00:00Z\"}"), 400, "end_ts");
    assertError(
        server.post(
            "/materialize",
            "{\"start_ts\": \"2026-11-25T10:00:00Z\"," + " \"end_ts\": \"2026-11-24T10:00:00Z\"}"),
        400,
        "must be before");
    assertError(
        server.post(
            "/materialize-incremental",
            "{\"end_ts\": \"2026-11-25T10:00:00Z\"," + " \"feature_views\": [\"nope\"]}"),
        404,
        "'nope'");
    assertError(
        server.post("/materialize-incremental?async=true", "{\"end_ts\": \"2026\"}"), 400, "async");
  }

  @Test
  void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
    String big = "{\"features\": [\"" + "x".repeat(5000) + "\"]}";
    assertError(server.post("/get-online-features", big), 413, "limit of 2048");
  }

  @Test
  void deeplyNestedJsonIsA400() throws Exception {
    String nested = "[".repeat(1000) + "]".repeat(1000);
    RunningServer.Answer answer = server.post("/get-online-features", nested);
    assertThat(answer.status()).as(answer.toString()).isBetween(400, 413);
  }

  @Test
  void unknownPathsAndWrongMethodsAreJsonErrors() throws Exception {
    assertError(server.get("/admin"), 404, "/get-online-features");
    assertError(server.get("/get-online-features"), 405, "POST");
    assertError(
        server.send(HttpRequest.newBuilder(server.uri("/health")).DELETE().build()), 405, "GET");
  }

  @Test
  void aMalformedHttpRequestGetsJsonNotHtml() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          "POST /get-online-features HTTP/1.1\r\nHost x\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String reply = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(reply)
          .startsWith("HTTP/1.1 400")
          .contains("application/json", "\"status\":400")
          .doesNotContain("<html", "Exception");
    }
  }

  @Test
  void healthIsReadyAndMetricsCountRequestsInPrometheusText() throws Exception {
    assertThat(server.get("/health").status()).isEqualTo(200);
    server.post(
        "/get-online-features",
        "{\"features\": [\"driver_stats:trips\"],"
            + " \"entities\": {\"driver_id\": [1001, 1002]}}");

    RunningServer.Answer metrics = server.get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.headers().get("content-type").get(0))
        .startsWith("text/plain; version=0.0.4");
    assertThat(metrics.body())
        .contains("# TYPE feast_feature_server_requests_total counter")
        .containsPattern(
            "feast_feature_server_requests_total\\{endpoint=\"/get-online-features\","
                + "status=\"200\"} [1-9]")
        .contains(
            "feast_feature_server_request_duration_seconds_bucket{endpoint=\"/get-online-features\",le=\"+Inf\"}")
        .containsPattern("feast_feature_server_entity_rows_total [2-9]")
        .contains("feast_feature_server_feature_views 2")
        .contains("feast_feature_server_ready 1");
  }
}
