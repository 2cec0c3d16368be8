package dev.feast.iceberg.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.FeatureViewProjection;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.InvalidEntityRowsException;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.FeatureNameCollisionException;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** O8, O10, O12 and entity row errors. */
class EntityRowsTest extends StoreTestBase {
  private OfflineStore store;
  private FeatureView view;

  @BeforeEach
  void writeSource() {
    store = store(true);
    view = driverStats(Duration.ofHours(3));
    store.writeBatch(
        view,
        driverRows().add(1L, at(10), at(10), 1.0f, 1).add(1L, at(12), at(12), 2.0f, 2).build());
  }

  private RowSet retrieveAll(RowSet entities) {
    return retrieve(
        store, HistoricalRequest.of(EntitySource.of(entities), List.of(ViewSelection.all(view))));
  }

  @Test
  void eventTimestampIsChosenAmongSeveralTimestampColumns() {
    RowSet entities =
        RowSet.builder(
                Field.of("signup", ValueType.UNIX_TIMESTAMP),
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP))
            .add(at(0), 1L, at(11))
            .build();

    RowSet result = retrieveAll(entities);

    assertThat(column(result, "trips")).containsExactly(1);
    assertThat(column(result, "signup")).containsExactly(at(0));
  }

  @Test
  void theOnlyTimestampColumnIsUsedWhateverItsName() {
    RowSet entities =
        RowSet.builder(
                Field.of("driver_id", ValueType.INT64), Field.of("when", ValueType.UNIX_TIMESTAMP))
            .add(1L, at(13))
            .build();

    assertThat(column(retrieveAll(entities), "trips")).containsExactly(2);
  }

  @Test
  void severalTimestampColumnsWithoutEventTimestampAreRejected() {
    RowSet entities =
        RowSet.builder(
                Field.of("driver_id", ValueType.INT64),
                Field.of("a", ValueType.UNIX_TIMESTAMP),
                Field.of("b", ValueType.UNIX_TIMESTAMP))
            .add(1L, at(13), at(13))
            .build();

    assertThatThrownBy(() -> retrieveAll(entities))
        .isInstanceOf(InvalidEntityRowsException.class)
        .hasMessageContaining("[a, b]")
        .hasMessageContaining("event_timestamp");
  }

  @Test
  void rowsWithoutTimestampAreRejected() {
    RowSet entities = RowSet.builder(Field.of("driver_id", ValueType.INT64)).add(1L).build();

    assertThatThrownBy(() -> retrieveAll(entities))
        .isInstanceOf(InvalidEntityRowsException.class)
        .hasMessageContaining("no timestamp column");
  }

  @Test
  void missingJoinKeyColumnIsRejectedNamingColumnAndView() {
    RowSet entities =
        RowSet.builder(
                Field.of("driver", ValueType.INT64),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP))
            .add(1L, at(13))
            .build();

    assertThatThrownBy(() -> retrieveAll(entities))
        .isInstanceOf(InvalidEntityRowsException.class)
        .hasMessageContaining("'driver_id'")
        .hasMessageContaining("'driver_stats'");
  }

  @Test
  void naiveTimestampsAreUtcAndZonesCompareAsInstants() {
    RowSet entities =
        RowSet.builder(
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP))
            // 12:00 UTC written naively: sees the 12:00 row.
            .add(1L, LocalDateTime.ofInstant(at(12), ZoneOffset.UTC))
            // 13:30 in Berlin (+02:00 in May) is 11:30 UTC: sees the 10:00 row.
            .add(1L, OffsetDateTime.ofInstant(at(11, 30), ZoneId.of("Europe/Berlin")))
            // 05:00 in Los Angeles (-07:00) is 12:00 UTC.
            .add(1L, at(12).atZone(ZoneId.of("US/Pacific")))
            // 09:59 UTC as US/Pacific: before every row.
            .add(1L, at(9, 59).atZone(ZoneId.of("US/Pacific")))
            .build();

    RowSet result = retrieveAll(entities);

    assertThat(column(result, "trips")).containsExactly(2, 1, 2, null);
    assertThat(column(result, "event_timestamp"))
        .containsExactly(at(12), at(11, 30), at(12), at(9, 59));
    assertThat(result.columns().get(1).type()).isEqualTo(ValueType.UNIX_TIMESTAMP);
  }

  @Test
  void fullFeatureNamesPrefixTheViewAndCollisionsNameBothRefs() {
    FeatureView other =
        FeatureView.builder("other_stats")
            .entity(DRIVER)
            .feature("trips", ValueType.INT32)
            .source(IcebergSource.of("feast.driver_stats", "event_ts", "created"))
            .build();
    RowSet entities = driverEntities().add(1L, at(13)).build();
    List<ViewSelection> views = List.of(ViewSelection.all(view), ViewSelection.all(other));

    assertThatThrownBy(() -> HistoricalRequest.of(EntitySource.of(entities), views))
        .isInstanceOf(FeatureNameCollisionException.class)
        .hasMessageContaining("driver_stats:trips")
        .hasMessageContaining("other_stats:trips");

    RowSet result =
        retrieve(store, new HistoricalRequest(EntitySource.of(entities), views, true, false));
    assertThat(result.columnNames())
        .containsExactly(
            "driver_id",
            "event_timestamp",
            "driver_stats__conv_rate",
            "driver_stats__trips",
            "other_stats__trips");
    assertThat(result.rows().get(0)).containsExactly(1L, at(13), 2.0f, 2, 2);
  }

  @Test
  void unknownFeatureIsAnErrorNamingIt() {
    assertThatThrownBy(
            () ->
                new ViewSelection(view, FeatureViewProjection.of("driver_stats", List.of("speed"))))
        .isInstanceOf(UnknownDefinitionException.class)
        .hasMessageContaining("speed")
        .hasMessageContaining("driver_stats");
  }

  @Test
  void featureNamedLikeAnEntityColumnIsRejected() {
    RowSet entities =
        RowSet.builder(
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP),
                Field.of("trips", ValueType.INT32))
            .add(1L, at(13), 5)
            .build();

    assertThatThrownBy(() -> retrieveAll(entities))
        .isInstanceOf(InvalidEntityRowsException.class)
        .hasMessageContaining("driver_stats:trips");
  }

  @Test
  void entityKeysOfAnotherIntegerTypeAreCastToTheViewKeyType() {
    RowSet entities =
        RowSet.builder(
                Field.of("driver_id", ValueType.INT32),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP))
            .add(1, at(13))
            .build();

    RowSet result = retrieveAll(entities);

    assertThat(result.rows().get(0)).containsExactly(1, at(13), 2.0f, 2);
  }
}
