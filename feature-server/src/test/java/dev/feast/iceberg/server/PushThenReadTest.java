package dev.feast.iceberg.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.ValueType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A push is read by the server's next request; an older push never replaces a newer value; a push
 * to the offline store lands in the source table, where materialization finds it; and a view that
 * another process applies is served without a restart.
 */
class PushThenReadTest {
  @TempDir static Path dir;
  static Path repo;
  static RunningServer server;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    repo = TestRepo.loaded(dir.resolve("repo"));
    server =
        RunningServer.start(
            repo, ServerOptions.defaults().withRegistryTtl(java.time.Duration.ZERO));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode read(String features, String driverIds) throws Exception {
    RunningServer.Answer answer =
        server.post(
            "/get-online-features",
            "{\"features\": " + features + ", \"entities\": {\"driver_id\": " + driverIds + "}}");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  @Test
  void aPushedValueIsReadByTheNextRequestAndAnOlderPushDoesNotWin() throws Exception {
    RunningServer.Answer pushed =
        server.post(
            "/push",
            """
        {"push_source_name": "driver_scores",
         "df": {"driver_id": [2001, 2002], "score": [9.5, 8.25], "tags": [["p"], null],
                "event_timestamp": ["2026-11-25T10:00:00Z", 1795600800]}}""");
    assertThat(pushed.status()).as(pushed.toString()).isEqualTo(200);

    JsonNode body = read("[\"driver_scores:score\", \"driver_scores:tags\"]", "[2001, 2002]");
    // Event times far past the 1 h ttl: the values are stored, and read as OUTSIDE_MAX_AGE.
    assertThat(body.at("/results/1/statuses").toString())
        .isEqualTo("[\"OUTSIDE_MAX_AGE\",\"OUTSIDE_MAX_AGE\"]");
    assertThat(body.at("/results/1/event_timestamps/0").textValue())
        .isEqualTo("2026-11-25T10:00:00Z");

    String now = java.time.Instant.now().toString();
    String older = java.time.Instant.now().minusSeconds(60).toString();
    assertThat(
            server
                .post(
                    "/push",
                    "{\"push_source_name\": \"driver_scores\", \"to\": \"online\","
                        + " \"df\": {\"driver_id\": [2001], \"score\": [1.0], \"tags\": [[]],"
                        + " \"event_timestamp\": [\""
                        + now
                        + "\"]}}")
                .status())
        .isEqualTo(200);
    assertThat(
            server
                .post(
                    "/push",
                    "{\"push_source_name\": \"driver_scores\","
                        + " \"df\": {\"driver_id\": [2001], \"score\": [-1.0], \"tags\": [[]],"
                        + " \"event_timestamp\": [\""
                        + older
                        + "\"]}}")
                .status())
        .isEqualTo(200);

    body = read("[\"driver_scores:score\"]", "[2001]");
    assertThat(body.at("/results/1/values/0").doubleValue()).isEqualTo(1.0);
    assertThat(body.at("/results/1/statuses/0").textValue()).isEqualTo("PRESENT");
  }

  @Test
  void aPushToTheOfflineStoreIsMaterializedThroughTheServer() throws Exception {
    String event =
        java.time.Instant.now()
            .minusSeconds(30)
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            .toString();
    RunningServer.Answer pushed =
        server.post(
            "/push",
            "{\"push_source_name\": \"feast.driver_stats\","
                + " \"to\": \"offline\", \"df\": {\"driver_id\": [3001], \"conv_rate\": [0.75],"
                + " \"acc_rate\": [0.5], \"trips\": [\"3\"], \"name\": [\"gamma\"], \"active\": [true],"
                + " \"event_timestamp\": [\""
                + event
                + "\"]}}");
    assertThat(pushed.status()).as(pushed.toString()).isEqualTo(200);
    assertThat(read("[\"driver_stats:name\"]", "[3001]").at("/results/1/statuses/0").textValue())
        .isEqualTo("NOT_FOUND");

    RunningServer.Answer materialized =
        server.post(
            "/materialize",
            "{\"start_ts\": \""
                + java.time.Instant.now().minusSeconds(3600)
                + "\", \"end_ts\": \""
                + java.time.Instant.now()
                + "\", \"feature_views\": [\"driver_stats\"]}");
    assertThat(materialized.status()).as(materialized.toString()).isEqualTo(200);
    assertThat(JSON.readTree(materialized.body()).at("/materialized/0/rows").asLong()).isEqualTo(1);

    JsonNode body = read("[\"driver_stats:name\", \"driver_stats:trips\"]", "[\"3001\"]");
    assertThat(body.at("/results/1/values/0").textValue()).isEqualTo("gamma");
    assertThat(body.at("/results/2/values/0").longValue()).isEqualTo(3);
  }

  @Test
  void aViewAppliedByAnotherProcessIsServedWithoutARestart() throws Exception {
    FeatureView ratings =
        FeatureView.builder("driver_ratings")
            .entity(TestRepo.DRIVER)
            .feature("stars", ValueType.INT32)
            .source(IcebergSource.of("feast.driver_ratings", "event_timestamp"))
            .build();
    assertThat(
            server
                .post(
                    "/get-online-features",
                    "{\"features\": [\"driver_ratings:stars\"],"
                        + " \"entities\": {\"driver_id\": [1]}}")
                .status())
        .isEqualTo(404);
    try (FeatureStore other = FeatureStore.open(repo)) {
      other.apply(ratings);
      other
          .onlineStore()
          .write(ratings, List.of(TestRepo.row(1, java.util.Map.of("stars", 5), TestRepo.NOW)));
    }

    JsonNode body = read("[\"driver_ratings:stars\"]", "[1]");
    assertThat(body.at("/results/1/values/0").intValue()).isEqualTo(5);
  }
}
