package dev.feast.iceberg.reliability.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.InvalidEntityRowsException;
import dev.feast.iceberg.spi.InvalidFeatureRefException;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.EntitySource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad entity rows and feature references are refused with a message naming the column or ref. */
class EntityRowsInputTest {
  static final Instant T = Instant.parse("2024-05-01T10:00:00Z");
  static final Entity DRIVER = Entity.of("driver", "driver_id", ValueType.INT64);
  static final FeatureView STATS =
      FeatureView.builder("stats")
          .entity(DRIVER)
          .feature("rate", ValueType.DOUBLE)
          .source(IcebergSource.of("feast.stats", "event_timestamp"))
          .build();
  static final List<String> REFS = List.of("stats:rate");

  @TempDir static Path repo;
  static FeatureStore store;

  @BeforeAll
  static void open() {
    store = FeatureStore.open(TestRepos.embedded(repo));
    store.apply(DRIVER, STATS);
    store.writeToOfflineStore(
        "stats",
        RowSet.builder(
                Field.of("driver_id", ValueType.INT64),
                Field.of("rate", ValueType.DOUBLE),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP))
            .add(1L, 0.5, T)
            .add(2L, 0.7, T)
            .build());
    store.materialize(T.minusSeconds(60), T.plusSeconds(60));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static RowSet rows(List<Field> columns, Object... row) {
    return RowSet.builder(columns).add(Arrays.asList(row)).build();
  }

  @Test
  void offlineRowsWithoutTheJoinKeyNameIt() {
    RowSet rows =
        rows(
            List.of(
                Field.of("driver", ValueType.INT64),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP)),
            1L,
            T);

    assertThatThrownBy(
            () -> store.getHistoricalFeatures(EntitySource.of(rows), REFS, false).toRowSet())
        .isInstanceOf(InvalidEntityRowsException.class)
        .hasMessageContaining("no column 'driver_id'")
        .hasMessageContaining("'stats'");
  }

  @Test
  void offlineRowsWithoutATimestampAskForOne() {
    RowSet rows = rows(List.of(Field.of("driver_id", ValueType.INT64)), 1L);

    assertThatThrownBy(
            () -> store.getHistoricalFeatures(EntitySource.of(rows), REFS, false).toRowSet())
        .isInstanceOf(InvalidEntityRowsException.class)
        .hasMessageContaining("no timestamp column")
        .hasMessageContaining("event_timestamp");
  }

  @Test
  void anEventTimestampThatIsNotATimestampIsNamed() {
    RowSet rows =
        rows(
            List.of(
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_timestamp", ValueType.STRING)),
            1L,
            "yesterday");

    assertThatThrownBy(
            () -> store.getHistoricalFeatures(EntitySource.of(rows), REFS, false).toRowSet())
        .isInstanceOf(InvalidEntityRowsException.class)
        .hasMessageContaining("'event_timestamp'")
        .hasMessageContaining("not a timestamp");
  }

  @Test
  void aJoinKeyOfTheWrongTypeIsNamed() {
    RowSet rows =
        rows(
            List.of(
                Field.of("driver_id", ValueType.STRING),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP)),
            "one",
            T);

    assertThatThrownBy(
            () -> store.getHistoricalFeatures(EntitySource.of(rows), REFS, false).toRowSet())
        .isInstanceOf(InvalidEntityRowsException.class)
        .hasMessageContaining("Entity column 'driver_id' is String")
        .hasMessageContaining("'stats' is Int64");
  }

  @Test
  void aValueThatDoesNotMatchItsDeclaredColumnTypeIsNamed() {
    RowSet rows =
        rows(
            List.of(
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP)),
            "one",
            T);

    assertThatThrownBy(
            () -> store.getHistoricalFeatures(EntitySource.of(rows), REFS, false).toRowSet())
        .isInstanceOf(InvalidEntityRowsException.class)
        .hasMessageContaining("Entity row 0")
        .hasMessageContaining("driver_id");
  }

  @Test
  void aNullJoinKeyOfflineMatchesNothing() {
    RowSet rows =
        RowSet.builder(
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP))
            .add(null, T)
            .add(1L, T)
            .build();

    RowSet result = store.getHistoricalFeatures(EntitySource.of(rows), REFS, false).toRowSet();

    assertThat(result.size()).isEqualTo(2);
    Map<Object, Object> rateByKey = new HashMap<>();
    result.toMaps().forEach(row -> rateByKey.put(row.get("driver_id"), row.get("rate")));
    assertThat(rateByKey).containsEntry(1L, 0.5).containsEntry(null, null);
  }

  @Test
  void onlineRowsWithoutTheJoinKeyNameIt() {
    assertThatThrownBy(() -> store.getOnlineFeatures(REFS, List.of(Map.of("driver", 1L)), false))
        .isInstanceOf(InvalidEntityRowsException.class)
        .hasMessageContaining("'driver_id'")
        .hasMessageContaining("'stats'");
  }

  @Test
  void anOnlineNullJoinKeyIsNamed() {
    Map<String, Object> row = new HashMap<>();
    row.put("driver_id", null);

    assertThatThrownBy(() -> store.getOnlineFeatures(REFS, List.of(row), false))
        .isInstanceOf(InvalidEntityRowsException.class)
        .hasMessageContaining("Entity row 0")
        .hasMessageContaining("'driver_id'");
  }

  @Test
  void anOnlineJoinKeyOfTheWrongTypeIsNamed() {
    assertThatThrownBy(
            () -> store.getOnlineFeatures(REFS, List.of(Map.of("driver_id", "1")), false))
        .isInstanceOf(InvalidEntityRowsException.class)
        .hasMessageContaining("'driver_id'")
        .hasMessageContaining("String")
        .hasMessageContaining("Int64");
  }

  @ParameterizedTest
  @ValueSource(strings = {"rate", "stats:", ":rate", "stats:rate:extra", "", "stats::rate"})
  void malformedFeatureRefsAreQuoted(String ref) {
    RowSet rows =
        rows(
            List.of(
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP)),
            1L,
            T);

    assertThatThrownBy(
            () -> store.getHistoricalFeatures(EntitySource.of(rows), List.of(ref), false))
        .isInstanceOf(InvalidFeatureRefException.class)
        .hasMessageContaining("'" + ref + "'");
    assertThatThrownBy(
            () -> store.getOnlineFeatures(List.of(ref), List.of(Map.of("driver_id", 1L)), false))
        .isInstanceOf(InvalidFeatureRefException.class)
        .hasMessageContaining("'" + ref + "'");
  }

  @Test
  void unknownViewsAndFeaturesAreNamed() {
    assertThatThrownBy(
            () ->
                store.getOnlineFeatures(
                    List.of("stats:speed"), List.of(Map.of("driver_id", 1L)), false))
        .hasMessageContaining("'speed'");
    assertThatThrownBy(
            () ->
                store.getOnlineFeatures(
                    List.of("nope:rate"), List.of(Map.of("driver_id", 1L)), false))
        .hasMessageContaining("'nope'");
  }
}
