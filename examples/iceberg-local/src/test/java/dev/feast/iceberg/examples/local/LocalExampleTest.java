package dev.feast.iceberg.examples.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.core.materialize.MaterializationResult;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.online.FeatureStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example's own code path on a copy of its repository and checks what it prints. */
class LocalExampleTest {
  // Online values older than the view's ttl (1 day) read as expired, so the data ends at this hour.
  static final Instant END = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);

  @TempDir static Path repo;
  static LocalExample.Result result;
  static String printed;

  @BeforeAll
  static void runTheExample() throws Exception {
    Files.copy(Path.of("feature_store.yaml"), repo.resolve("feature_store.yaml"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      result = LocalExample.run(repo, END, out);
    }
    printed = bytes.toString(StandardCharsets.UTF_8);
  }

  private static List<Object> features(long driver, int hoursAgo) {
    return Arrays.asList(
        SampleData.convRate(driver, hoursAgo),
        SampleData.accRate(driver, hoursAgo),
        SampleData.trips(driver, hoursAgo));
  }

  private static List<Object> historicalFeatures(int row) {
    RowSet rows = result.historical();
    return Arrays.asList(
        rows.get(row, "conv_rate"), rows.get(row, "acc_rate"), rows.get(row, "avg_daily_trips"));
  }

  @Test
  void historicalRetrievalKeepsEveryEntityRowInOrderWithItsColumns() {
    RowSet rows = result.historical();

    assertThat(rows.columnNames())
        .containsSubsequence("driver_id", "event_timestamp", "order_id")
        .contains("conv_rate", "acc_rate", "avg_daily_trips");
    assertThat(rows.size()).isEqualTo(6);
    for (int i = 0; i < 6; i++) {
      assertThat(rows.get(i, "order_id")).isEqualTo("o-" + (i + 1));
    }
  }

  @Test
  void theBackfilledValueWinsOnEqualEventTime() {
    assertThat(historicalFeatures(0))
        .containsExactly(
            SampleData.BACKFILLED_CONV_RATE,
            SampleData.accRate(1001, 2),
            SampleData.trips(1001, 2));
  }

  @Test
  void betweenTwoHoursTheEarlierOneCountsAndAnExactHourIsIncluded() {
    assertThat(historicalFeatures(1)).isEqualTo(features(1002, 6));
    assertThat(historicalFeatures(2)).isEqualTo(features(1003, 10));
  }

  @Test
  void pastTheTtlBeforeAnyDataAndForAnUnknownDriverFeaturesAreNull() {
    for (int row : new int[] {3, 4, 5}) {
      assertThat(historicalFeatures(row)).containsOnlyNulls();
    }
  }

  @Test
  void featuresKeepTheirTypes() {
    assertThat(result.historical().get(0, "conv_rate")).isInstanceOf(Float.class);
    assertThat(result.historical().get(0, "avg_daily_trips")).isInstanceOf(Long.class);
    assertThat(result.historical().get(0, "event_timestamp"))
        .isEqualTo(END.minus(Duration.ofHours(2)));
  }

  @Test
  void materializationCopiesTheLastDayOfEveryDriver() {
    assertThat(result.materialized()).hasSize(1);
    MaterializationResult materialized = result.materialized().get(0);
    assertThat(materialized.view()).isEqualTo("driver_hourly_stats");
    assertThat(materialized.end()).isEqualTo(END);
    // The first incremental run starts at now - ttl, as in Feast.
    assertThat(materialized.start())
        .isBetween(END.minus(Duration.ofDays(1)), Instant.now().minus(Duration.ofDays(1)));
    assertThat(materialized.rows()).isEqualTo(SampleData.DRIVERS.length);
  }

  @Test
  void onlineFeaturesAreTheLatestValuesAndUnknownDriversAreNotFound() {
    List<Map<String, Object>> rows = result.online().rows();

    assertThat(rows).hasSize(3);
    assertThat(rows.get(0))
        .containsEntry("driver_id", 1001L)
        .containsEntry("conv_rate", SampleData.convRate(1001, 0))
        .containsEntry("avg_daily_trips", SampleData.trips(1001, 0));
    assertThat(rows.get(1)).containsEntry("conv_rate", SampleData.convRate(1002, 0));
    assertThat(result.online().statuses().get(0).get("conv_rate")).isEqualTo(FeatureStatus.PRESENT);
    assertThat(result.online().statuses().get(2).get("conv_rate"))
        .isEqualTo(FeatureStatus.NOT_FOUND);
    assertThat(rows.get(2).get("conv_rate")).isNull();
  }

  @Test
  void printsBothTablesWithTheValues() {
    assertThat(printed)
        .contains(
            "Historical features", "Online features", "Materialized 5 rows of driver_hourly_stats")
        .contains(String.valueOf(SampleData.BACKFILLED_CONV_RATE))
        .contains(String.valueOf(SampleData.convRate(1001, 0)))
        .contains("o-6");
  }

  @Test
  void runningAgainGivesTheSameAnswer() {
    LocalExample.Result again =
        LocalExample.run(
            repo, END, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    assertThat(again.historical()).isEqualTo(result.historical());
    assertThat(again.online().rows()).isEqualTo(result.online().rows());
  }
}
