package dev.feast.iceberg.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /get-online-features} answers byte for byte as Feast's server writes its {@code
 * GetOnlineFeaturesResponse} ({@code feature_server_utils.convert_response_to_dict}): {@code
 * results} then {@code metadata}; join keys first, in request order, as PRESENT with the epoch as
 * time; then each feature in request order with its values typed as the view declares, statuses
 * PRESENT / NULL_VALUE / NOT_FOUND / OUTSIDE_MAX_AGE and the stored row's event time (3, 6 or 9
 * fraction digits only when needed), entity rows in input order.
 */
class GoldenResponseTest {
  @TempDir static Path dir;
  static RunningServer server;
  static final String EPOCH = "1970-01-01T00:00:00Z";

  @BeforeAll
  static void start() throws Exception {
    server = RunningServer.start(TestRepo.loaded(dir.resolve("repo")));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void featuresOfTwoViewsForThreeRowsAsFeastWritesThem() throws Exception {
    RunningServer.Answer answer =
        server.post(
            "/get-online-features",
            """
        {"features": ["driver_stats:conv_rate", "driver_stats:trips", "driver_stats:name",
                      "driver_stats:active", "driver_stats:acc_rate", "driver_scores:score",
                      "driver_scores:tags"],
         "entities": {"driver_id": [1001, "1002", 1003]}}""");

    String h = TestRepo.HOUR_AGO.toString();
    String twoHours = TestRepo.TWO_HOURS_AGO.toString();
    String tenMinutes = TestRepo.TEN_MINUTES_AGO.toString();
    assertThat(tenMinutes).endsWith(".250Z");
    String golden =
        """
        {"results":[
         {"values":[1001,1002,1003],"statuses":["PRESENT","PRESENT","PRESENT"],
          "event_timestamps":["%1$s","%1$s","%1$s"]},
         {"values":[0.5,null,null],"statuses":["PRESENT","NULL_VALUE","NOT_FOUND"],
          "event_timestamps":["%2$s","%2$s","%1$s"]},
         {"values":[12,7,null],"statuses":["PRESENT","PRESENT","NOT_FOUND"],
          "event_timestamps":["%2$s","%2$s","%1$s"]},
         {"values":["alpha","beta",null],"statuses":["PRESENT","PRESENT","NOT_FOUND"],
          "event_timestamps":["%2$s","%2$s","%1$s"]},
         {"values":[true,false,null],"statuses":["PRESENT","PRESENT","NOT_FOUND"],
          "event_timestamps":["%2$s","%2$s","%1$s"]},
         {"values":[0.25,0.125,null],"statuses":["PRESENT","PRESENT","NOT_FOUND"],
          "event_timestamps":["%2$s","%2$s","%1$s"]},
         {"values":[null,2.75,null],"statuses":["OUTSIDE_MAX_AGE","PRESENT","NOT_FOUND"],
          "event_timestamps":["%3$s","%4$s","%1$s"]},
         {"values":[null,["x"],null],"statuses":["OUTSIDE_MAX_AGE","PRESENT","NOT_FOUND"],
          "event_timestamps":["%3$s","%4$s","%1$s"]}],
         "metadata":{"feature_names":["driver_id","conv_rate","trips","name","active","acc_rate",
          "score","tags"]}}"""
            .formatted(EPOCH, h, twoHours, tenMinutes)
            .replaceAll("\\s+", "");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.headers().get("content-type")).containsExactly("application/json");
    assertThat(answer.body()).isEqualTo(golden);
  }

  @Test
  void aServiceWithFullFeatureNamesNamesColumnsViewDoubleUnderscoreFeature() throws Exception {
    RunningServer.Answer answer =
        server.post(
            "/get-online-features",
            """
        {"feature_service": "driver_activity", "full_feature_names": true,
         "entities": {"driver_id": [1002]}}""");

    JsonNode body = new ObjectMapper().readTree(answer.body());
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(body.at("/metadata/feature_names").toString())
        .isEqualTo(
            "[\"driver_id\",\"driver_stats__conv_rate\",\"driver_stats__acc_rate\","
                + "\"driver_stats__trips\",\"driver_stats__name\",\"driver_stats__active\","
                + "\"driver_scores__score\",\"driver_scores__tags\"]");
    assertThat(body.at("/results/6/values/0").doubleValue()).isEqualTo(2.75);
  }

  @Test
  void aFloat32IsWidenedAsPythonReadsAProtobufFloat() throws Exception {
    // 0.5f is exact; Feast writes float_val through a Python float, so 0.1f would be
    // 0.10000000149011612: the same widening here keeps clients' parsed numbers identical.
    assertThat(FeastJsonProbe.write(dev.feast.iceberg.spi.ValueType.FLOAT, 0.1f))
        .isEqualTo("0.10000000149011612");
    assertThat(
            FeastJsonProbe.write(
                dev.feast.iceberg.spi.ValueType.UNIX_TIMESTAMP,
                java.time.Instant.parse("2026-11-25T10:00:00.5Z")))
        .isEqualTo("1795600800");
    assertThat(
            FeastJsonProbe.write(
                dev.feast.iceberg.spi.ValueType.BYTES,
                java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3})))
        .isEqualTo("\"AQID\"");
    assertThat(FeastJsonProbe.write(dev.feast.iceberg.spi.ValueType.DOUBLE, Double.NaN))
        .isEqualTo("\"NaN\"");
  }

  @Test
  void timestampsCarryOnlyTheFractionDigitsTheyNeed() {
    assertThat(FeastJson.timestamp(java.time.Instant.parse("2026-11-25T10:00:00Z")))
        .isEqualTo("2026-11-25T10:00:00Z");
    assertThat(FeastJson.timestamp(java.time.Instant.parse("2026-11-25T10:00:00.123456Z")))
        .isEqualTo("2026-11-25T10:00:00.123456Z");
    assertThat(FeastJson.timestamp(java.time.Instant.parse("2026-11-25T10:00:00.000000001Z")))
        .isEqualTo("2026-11-25T10:00:00.000000001Z");
  }
}
