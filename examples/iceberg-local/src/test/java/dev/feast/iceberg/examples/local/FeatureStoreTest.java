package dev.feast.iceberg.examples.local;

import static dev.feast.iceberg.examples.local.DriverFeatures.DRIVER;
import static dev.feast.iceberg.examples.local.DriverFeatures.DRIVER_ACTIVITY;
import static dev.feast.iceberg.examples.local.DriverFeatures.DRIVER_HOURLY_STATS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.core.materialize.MaterializationResult;
import dev.feast.iceberg.core.materialize.Materializer;
import dev.feast.iceberg.core.registry.MaterializationInterval;
import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.InvalidFeatureRefException;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.online.FeatureStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FeatureStore facade on the real Iceberg stores and the embedded JDBC catalog. */
class FeatureStoreTest {
  // Online values older than the view's ttl (1 day) read as expired, so the data ends at this hour.
  static final Instant END = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);

  @TempDir Path repo;
  private Instant firstStart;

  @BeforeEach
  void writeConfig() throws Exception {
    Files.copy(Path.of("feature_store.yaml"), repo.resolve("feature_store.yaml"));
  }

  private FeatureStore openWithData() {
    FeatureStore store = FeatureStore.open(repo);
    store.apply(DRIVER, DRIVER_HOURLY_STATS, DRIVER_ACTIVITY);
    store.writeToOfflineStore(DRIVER_HOURLY_STATS.name(), SampleData.driverStats(END));
    return store;
  }

  @Test
  void incrementalMaterializationStartsWhereTheLastOneEndedAndIsRecorded() {
    Instant later = END.plus(Duration.ofHours(3));
    try (FeatureStore store = openWithData()) {
      Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      List<MaterializationResult> first =
          store.materializeIncremental(END.minus(Duration.ofHours(5)));
      Instant after = Instant.now();
      List<MaterializationResult> second = store.materializeIncremental(later);

      // The first run starts at now - ttl, as in Feast.
      assertThat(first.get(0).start())
          .isBetween(before.minus(Duration.ofDays(1)), after.minus(Duration.ofDays(1)));
      firstStart = first.get(0).start();
      assertThat(second.get(0).start()).isEqualTo(END.minus(Duration.ofHours(5)));
      assertThat(second.get(0).end()).isEqualTo(later);
    }
    try (FeatureStore reopened = FeatureStore.open(repo)) {
      assertThat(reopened.registry().materializations().get("driver_hourly_stats"))
          .containsExactly(
              new MaterializationInterval(firstStart, END.minus(Duration.ofHours(5))),
              new MaterializationInterval(END.minus(Duration.ofHours(5)), later));
    }
  }

  /** One source row of driver_hourly_stats: conv_rate tells the rows apart. */
  private static RowSet statsRow(Long driver, Instant at, float convRate) {
    return RowSet.builder(
            Field.of("driver_id", ValueType.INT64),
            Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP),
            Field.of("conv_rate", ValueType.FLOAT),
            Field.of("acc_rate", ValueType.FLOAT),
            Field.of("avg_daily_trips", ValueType.INT64),
            Field.of("created", ValueType.UNIX_TIMESTAMP))
        .add(driver, at, convRate, 0.5f, 1L, at)
        .build();
  }

  private static Object convRate(FeatureStore store, long driver) {
    return store
        .getOnlineFeatures(
            List.of("driver_hourly_stats:conv_rate"), List.of(Map.of("driver_id", driver)), false)
        .rows()
        .get(0)
        .get("conv_rate");
  }

  private static FeatureStatus convRateStatus(FeatureStore store, long driver) {
    return store
        .getOnlineFeatures(
            List.of("driver_hourly_stats:conv_rate"), List.of(Map.of("driver_id", driver)), false)
        .statuses()
        .get(0)
        .get("conv_rate");
  }

  @Test
  void incrementalStartsAtTheGreatestRecordedEndAsFeastsMostRecentEndTime() {
    Instant t10 = END.minus(Duration.ofHours(6));
    try (FeatureStore store = FeatureStore.open(repo)) {
      store.apply(DRIVER, DRIVER_HOURLY_STATS, DRIVER_ACTIVITY);
      String view = DRIVER_HOURLY_STATS.name();
      store.writeToOfflineStore(view, statsRow(1L, t10, 0.10f));
      store.writeToOfflineStore(view, statsRow(1L, t10.plus(Duration.ofHours(2)), 0.12f));
      store.writeToOfflineStore(view, statsRow(1L, t10.plus(Duration.ofHours(4)), 0.14f));
      store.writeToOfflineStore(view, statsRow(2L, t10.plus(Duration.ofHours(1)), 0.21f));

      store.materialize(t10.plus(Duration.ofHours(2)), t10.plus(Duration.ofHours(4)));
      store.materialize(t10.minus(Duration.ofHours(1)), t10);
      List<MaterializationResult> incremental =
          store.materializeIncremental(t10.plus(Duration.ofHours(5)));

      assertThat(incremental.get(0).start()).isEqualTo(t10.plus(Duration.ofHours(4)));
      assertThat(convRate(store, 1)).isEqualTo(0.14f);
      // Driver 2's only row (11:00) lies in no materialized interval: as in Feast, not online.
      assertThat(convRateStatus(store, 2)).isEqualTo(FeatureStatus.NOT_FOUND);
    }
  }

  @Test
  void aMaterializationThatFailsMidwayLeavesTheOnlineValuesAndRecordsNoInterval() throws Exception {
    Files.writeString(
        repo.resolve("feature_store.yaml"),
        Files.readString(repo.resolve("feature_store.yaml"))
            + "\nmaterialization:\n  batch_size: 2\n");
    try (FeatureStore store = openWithData()) {
      store.materialize(END.minus(Duration.ofHours(10)), END.minus(Duration.ofHours(5)));
      Object before = convRate(store, 1003);
      Materializer.Listener failing =
          new Materializer.Listener() {
            @Override
            public void progressed(FeatureView view, long rows) {
              throw new IllegalStateException("stopped after " + rows + " rows");
            }
          };

      assertThatThrownBy(() -> store.materialize(END.minus(Duration.ofHours(4)), END, failing))
          .hasMessage("stopped after 2 rows");

      assertThat(convRate(store, 1003)).isEqualTo(before);
      try (FeatureStore other = FeatureStore.open(repo)) {
        assertThat(convRate(other, 1003)).as("another process").isEqualTo(before);
        assertThat(other.registry().materializations().get("driver_hourly_stats")).hasSize(1);
      }
    }
  }

  @Test
  void onlineAnswerEqualsTheOfflineAnswerAtTheSameInstant() {
    try (FeatureStore store = openWithData()) {
      store.materialize(END.minus(Duration.ofDays(2)), END);

      Map<String, Object> online =
          store
              .getOnlineFeatures(
                  List.of("driver_hourly_stats:conv_rate", "driver_hourly_stats:avg_daily_trips"),
                  List.of(Map.of("driver_id", 1003)),
                  true)
              .rows()
              .get(0);
      var offline =
          store
              .getHistoricalFeatures(
                  EntitySource.of(
                      dev.feast.iceberg.spi.RowSet.builder(
                              dev.feast.iceberg.spi.Field.of("driver_id", ValueType.INT64),
                              dev.feast.iceberg.spi.Field.of(
                                  "event_timestamp", ValueType.UNIX_TIMESTAMP))
                          .add(1003L, END)
                          .build()),
                  List.of("driver_hourly_stats:conv_rate", "driver_hourly_stats:avg_daily_trips"),
                  true)
              .toRowSet();

      assertThat(online.get("driver_hourly_stats__conv_rate"))
          .isEqualTo(offline.get(0, "driver_hourly_stats__conv_rate"));
      assertThat(online.get("driver_hourly_stats__avg_daily_trips"))
          .isEqualTo(offline.get(0, "driver_hourly_stats__avg_daily_trips"));
      assertThat(online.get("driver_id")).isEqualTo(1003);
    }
  }

  @Test
  void teardownEmptiesTheOnlineStoreButKeepsDefinitions() {
    try (FeatureStore store = openWithData()) {
      store.materialize(END.minus(Duration.ofDays(1)), END);
      store.teardown();
      store.apply(DRIVER, DRIVER_HOURLY_STATS, DRIVER_ACTIVITY);

      var response =
          store.getOnlineFeatures(
              DRIVER_ACTIVITY.name(), List.of(Map.of("driver_id", 1001L)), false);

      assertThat(response.statuses().get(0).get("conv_rate")).isEqualTo(FeatureStatus.NOT_FOUND);
      assertThat(store.registry().featureViews()).containsKey("driver_hourly_stats");
    }
  }

  @Test
  void aViewWhoseEntityIsNotDefinedIsRefused() {
    Entity rider = Entity.of("rider", ValueType.STRING);
    FeatureView riderStats =
        FeatureView.builder("rider_stats")
            .entity(rider)
            .feature("x", ValueType.INT64)
            .source(DriverFeatures.DRIVER_STATS_SOURCE)
            .build();
    try (FeatureStore store = FeatureStore.open(repo)) {
      assertThatThrownBy(() -> store.apply(riderStats))
          .isInstanceOf(UnknownDefinitionException.class)
          .hasMessageContaining("entity 'rider'");
      assertThat(store.registry().featureViews()).doesNotContainKey("rider_stats");
    }
  }

  @Test
  void unknownAndMalformedFeatureRefsAreNamed() {
    try (FeatureStore store = openWithData()) {
      EntitySource rows = EntitySource.of(LocalExample.entityRows(END));
      assertThatThrownBy(
              () -> store.getHistoricalFeatures(rows, List.of("driver_hourly_stats:speed"), false))
          .isInstanceOf(UnknownDefinitionException.class)
          .hasMessageContaining("'speed'");
      assertThatThrownBy(() -> store.getHistoricalFeatures(rows, List.of("nope:conv_rate"), false))
          .hasMessageContaining("Feature view 'nope'");
      assertThatThrownBy(
              () ->
                  store.getOnlineFeatures(
                      List.of("conv_rate"), List.of(Map.of("driver_id", 1L)), false))
          .isInstanceOf(InvalidFeatureRefException.class);
    }
  }

  @Test
  void anUnknownStoreTypeListsTheInstalledOnes() throws Exception {
    Files.writeString(
        repo.resolve("feature_store.yaml"), "project: p\nonline_store:\n  type: icebreg\n");

    assertThatThrownBy(() -> FeatureStore.open(repo))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Unknown online store type 'icebreg' in feature_store.yaml line 3")
        .hasMessageContaining("installed: iceberg");
  }
}
