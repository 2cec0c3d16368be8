package dev.feast.iceberg.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.FeatureViewProjection;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.ViewSelection;
import dev.feast.iceberg.testsuite.Oracle;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** O1–O7, O9, O11, O13: the point-in-time rules, each with pruning on and off. */
class PointInTimeJoinTest extends StoreTestBase {

  @ParameterizedTest(name = "pruning={0}")
  @ValueSource(booleans = {true, false})
  void featureAtExactlyTheEntityTimestampIsVisibleAndLaterOnesAreNot(boolean pruning) {
    OfflineStore store = store(pruning);
    FeatureView view = driverStats(Duration.ZERO);
    store.writeBatch(
        view,
        driverRows()
            .add(1L, at(10), at(10), 1.0f, 1)
            .add(1L, at(10, 1), at(10, 1), 2.0f, 2)
            .build());
    RowSet entities = driverEntities().add(1L, at(10)).add(1L, at(10, 1)).add(1L, at(9)).build();

    RowSet result =
        retrieve(
            store,
            HistoricalRequest.of(EntitySource.of(entities), List.of(ViewSelection.all(view))));

    assertThat(column(result, "conv_rate")).containsExactly(1.0f, 2.0f, null);
    assertThat(column(result, "trips")).containsExactly(1, 2, null);
  }

  @ParameterizedTest(name = "pruning={0}")
  @ValueSource(booleans = {true, false})
  void ttlLowerBoundIsInclusiveAndMeasuredFromEachEntityRow(boolean pruning) {
    OfflineStore store = store(pruning);
    FeatureView view = driverStats(Duration.ofHours(2));
    store.writeBatch(view, driverRows().add(1L, at(10), at(10), 1.0f, 1).build());
    RowSet entities =
        driverEntities().add(1L, at(12)).add(1L, at(12).plusSeconds(1)).add(1L, at(11)).build();

    RowSet result =
        retrieve(
            store,
            HistoricalRequest.of(EntitySource.of(entities), List.of(ViewSelection.all(view))));

    assertThat(column(result, "conv_rate")).containsExactly(1.0f, null, 1.0f);
  }

  @ParameterizedTest(name = "pruning={0}")
  @ValueSource(booleans = {true, false})
  void zeroTtlIsUnboundedAndATwoYearTtlIsValid(boolean pruning) {
    OfflineStore store = store(pruning);
    FeatureView unbounded = driverStats(Duration.ZERO);
    FeatureView twoYears =
        FeatureView.builder("driver_stats_2y")
            .entity(DRIVER)
            .feature("conv_rate", ValueType.FLOAT)
            .ttl(Duration.ofDays(730))
            .source(IcebergSource.of("feast.driver_stats", "event_ts", "created"))
            .build();
    store.writeBatch(unbounded, driverRows().add(1L, at(0), at(0), 1.0f, 1).build());
    RowSet entities =
        driverEntities()
            .add(1L, at(0).plus(Duration.ofDays(730)))
            .add(1L, at(0).plus(Duration.ofDays(730)).plusMillis(1))
            .add(1L, at(0).plus(Duration.ofDays(5000)))
            .build();
    HistoricalRequest request =
        new HistoricalRequest(
            EntitySource.of(entities),
            List.of(ViewSelection.all(unbounded), ViewSelection.all(twoYears)),
            true,
            false);

    RowSet result = retrieve(store, request);

    assertThat(column(result, "driver_stats__conv_rate")).containsExactly(1.0f, 1.0f, 1.0f);
    assertThat(column(result, "driver_stats_2y__conv_rate")).containsExactly(1.0f, null, null);
  }

  @ParameterizedTest(name = "pruning={0}")
  @ValueSource(booleans = {true, false})
  void latestEventWinsAndEqualEventsGoToTheGreatestCreated(boolean pruning) {
    OfflineStore store = store(pruning);
    FeatureView view = driverStats(Duration.ZERO);
    store.writeBatch(
        view,
        driverRows()
            // 1001: a backfill with the same event timestamp and a later created timestamp.
            .add(1001L, at(5), at(6), 10.0f, 10)
            .add(1001L, at(5), at(8), 20.0f, 20)
            // 1002: the later event wins although it was created earlier.
            .add(1002L, at(4), at(9), 30.0f, 30)
            .add(1002L, at(6), at(7), 40.0f, 40)
            // 1003: plain latest event.
            .add(1003L, at(1), at(1), 50.0f, 50)
            .add(1003L, at(2), at(2), 60.0f, 60)
            .build());
    // A second commit adds a lower-created duplicate: order of arrival must not matter.
    store.writeBatch(view, driverRows().add(1001L, at(5), at(7), 15.0f, 15).build());
    RowSet entities =
        driverEntities().add(1001L, at(10)).add(1002L, at(10)).add(1003L, at(10)).build();

    RowSet result =
        retrieve(
            store,
            HistoricalRequest.of(EntitySource.of(entities), List.of(ViewSelection.all(view))));

    assertThat(column(result, "trips")).containsExactly(20, 40, 60);
  }

  @ParameterizedTest(name = "pruning={0}")
  @ValueSource(booleans = {true, false})
  void filterByCreatedTimestampAlsoRequiresCreatedAtOrBeforeT(boolean pruning) {
    OfflineStore store = store(pruning);
    FeatureView view = driverStats(Duration.ofHours(24));
    store.writeBatch(
        view,
        driverRows()
            .add(1001L, at(5), at(6), 10.0f, 10)
            .add(1001L, at(5), at(11), 20.0f, 20)
            .add(1002L, at(4), at(5), 30.0f, 30)
            .add(1002L, at(6), at(12), 40.0f, 40)
            .build());
    RowSet entities = driverEntities().add(1001L, at(10)).add(1002L, at(10)).build();
    List<ViewSelection> views = List.of(ViewSelection.all(view));

    RowSet plain =
        retrieve(store, new HistoricalRequest(EntitySource.of(entities), views, false, false));
    RowSet filtered =
        retrieve(store, new HistoricalRequest(EntitySource.of(entities), views, false, true));

    assertThat(column(plain, "trips")).containsExactly(20, 40);
    assertThat(column(filtered, "trips")).containsExactly(10, 30);
  }

  @ParameterizedTest(name = "pruning={0}")
  @ValueSource(booleans = {true, false})
  void rowsWithoutCandidateAreKeptWithNullFeatures(boolean pruning) {
    OfflineStore store = store(pruning);
    FeatureView view = driverStats(Duration.ofHours(2));
    store.writeBatch(view, driverRows().add(1L, at(10), at(10), 1.0f, 1).build());
    RowSet entities =
        driverEntities()
            .add(1L, at(9)) // before any feature
            .add(1L, at(20)) // past the ttl
            .add(2L, at(10)) // unknown driver
            .add(null, at(10)) // no key
            .add(1L, at(11))
            .build();

    RowSet result =
        retrieve(
            store,
            HistoricalRequest.of(EntitySource.of(entities), List.of(ViewSelection.all(view))));

    assertThat(result.size()).isEqualTo(5);
    assertThat(column(result, "driver_id")).containsExactly(1L, 1L, 2L, null, 1L);
    assertThat(column(result, "conv_rate")).containsExactly(null, null, null, null, 1.0f);
  }

  @ParameterizedTest(name = "pruning={0}")
  @ValueSource(booleans = {true, false})
  void duplicatesAreKeptInInputOrderAndExtraColumnsPassThrough(boolean pruning) {
    OfflineStore store = store(pruning);
    FeatureView view = driverStats(Duration.ZERO);
    store.writeBatch(
        view, driverRows().add(1L, at(1), at(1), 1.0f, 1).add(2L, at(1), at(1), 2.0f, 2).build());
    RowSet entities =
        RowSet.builder(
                Field.of("order_id", ValueType.STRING),
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP),
                Field.of("amount", ValueType.DOUBLE),
                Field.of("items", ValueType.INT32_LIST),
                Field.of("label", ValueType.INT32))
            .add("o3", 2L, at(5), 3.5, List.of(1, 2), 7)
            .add("o1", 1L, at(5), 1.5, List.of(), null)
            .add("o1", 1L, at(5), 1.5, List.of(), null)
            .add("o2", 1L, at(0), null, null, 9)
            .add("o1", 1L, at(5), 1.5, List.of(), null)
            .build();

    RowSet result =
        retrieve(
            store,
            HistoricalRequest.of(EntitySource.of(entities), List.of(ViewSelection.all(view))));

    assertThat(result.columnNames())
        .containsExactly(
            "order_id",
            "driver_id",
            "event_timestamp",
            "amount",
            "items",
            "label",
            "conv_rate",
            "trips");
    assertThat(result.columns().subList(0, 6)).isEqualTo(entities.columns());
    for (int r = 0; r < entities.size(); r++) {
      assertThat(result.rows().get(r).subList(0, 6)).isEqualTo(entities.rows().get(r));
    }
    assertThat(column(result, "trips")).containsExactly(2, 1, 1, null, 1);
  }

  @ParameterizedTest(name = "pruning={0}")
  @ValueSource(booleans = {true, false})
  void severalViewsJoinIndependentlyWithCompositeAndNoKeys(boolean pruning) {
    OfflineStore store = store(pruning);
    FeatureView driver = driverStats(Duration.ofHours(2));
    FeatureView customer =
        FeatureView.builder("customer_profile")
            .entity(CUSTOMER)
            .feature("avg_spend", ValueType.DOUBLE)
            .ttl(Duration.ofDays(2))
            .source(IcebergSource.of("feast.customer_profile", "ts"))
            .build();
    FeatureView order =
        FeatureView.builder("order_stats")
            .entity(CUSTOMER)
            .entity(DRIVER)
            .feature("order_count", ValueType.INT64)
            .ttl(Duration.ofDays(2))
            .source(IcebergSource.of("feast.order_stats", "ts"))
            .build();
    FeatureView global =
        FeatureView.builder("global_stats")
            .feature("active_drivers", ValueType.INT32)
            .ttl(Duration.ofDays(2))
            .source(IcebergSource.of("feast.global_stats", "ts"))
            .build();
    store.writeBatch(driver, driverRows().add(1L, at(10), at(10), 0.5f, 5).build());
    RowSet customers =
        RowSet.builder(
                Field.of("customer_id", ValueType.STRING),
                Field.of("ts", ValueType.UNIX_TIMESTAMP),
                Field.of("avg_spend", ValueType.DOUBLE))
            .add("c1", at(0), 10.0)
            .add("c2", at(0), 20.0)
            .build();
    store.writeBatch(customer, customers);
    RowSet orders =
        RowSet.builder(
                Field.of("customer_id", ValueType.STRING),
                Field.of("driver_id", ValueType.INT64),
                Field.of("ts", ValueType.UNIX_TIMESTAMP),
                Field.of("order_count", ValueType.INT64))
            .add("c1", 1L, at(9), 100L)
            .add("c1", 2L, at(9), 200L)
            .add("c2", 1L, at(9), 300L)
            .build();
    store.writeBatch(order, orders);
    RowSet globals =
        RowSet.builder(
                Field.of("ts", ValueType.UNIX_TIMESTAMP),
                Field.of("active_drivers", ValueType.INT32))
            .add(at(8), 7)
            .add(at(11), 8)
            .build();
    store.writeBatch(global, globals);
    RowSet entities =
        RowSet.builder(
                Field.of("customer_id", ValueType.STRING),
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP))
            .add("c1", 1L, at(11))
            .add("c1", 2L, at(13))
            .add("c2", 1L, at(10))
            .add("c2", 2L, at(7))
            .add("c3", 1L, at(60)) // 49 h after the last global row: past its 2-day ttl
            .build();
    List<ViewSelection> views =
        List.of(
            ViewSelection.all(driver),
            ViewSelection.all(customer),
            ViewSelection.all(order),
            ViewSelection.all(global));

    RowSet result = retrieve(store, HistoricalRequest.of(EntitySource.of(entities), views));

    assertThat(column(result, "conv_rate")).containsExactly(0.5f, null, 0.5f, null, null);
    assertThat(column(result, "avg_spend")).containsExactly(10.0, 10.0, 20.0, 20.0, null);
    assertThat(column(result, "order_count")).containsExactly(100L, 200L, 300L, null, null);
    assertThat(column(result, "active_drivers")).containsExactly(8, 8, 7, null, null);
    RowSet expected =
        Oracle.historical(
            HistoricalRequest.of(EntitySource.of(entities), views),
            Map.of(
                "feast.driver_stats", driverRows().add(1L, at(10), at(10), 0.5f, 5).build(),
                "feast.customer_profile", customers,
                "feast.order_stats", orders,
                "feast.global_stats", globals));
    assertThat(result).isEqualTo(expected);
  }

  @ParameterizedTest(name = "pruning={0}")
  @ValueSource(booleans = {true, false})
  void aliasedProjectionJoinsOnTheMappedColumn(boolean pruning) {
    OfflineStore store = store(pruning);
    FeatureView view = driverStats(Duration.ZERO);
    store.writeBatch(
        view, driverRows().add(1L, at(1), at(1), 1.0f, 1).add(2L, at(1), at(1), 2.0f, 2).build());
    RowSet entities =
        RowSet.builder(
                Field.of("driver_id", ValueType.INT64),
                Field.of("origin_driver_id", ValueType.INT64),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP))
            .add(1L, 2L, at(5))
            .add(2L, 1L, at(5))
            .build();
    ViewSelection own =
        new ViewSelection(view, FeatureViewProjection.of("driver_stats", List.of("trips")));
    ViewSelection origin =
        new ViewSelection(
            view,
            FeatureViewProjection.of("driver_stats", List.of("trips"))
                .withAlias("origin")
                .withJoinKeyMap(Map.of("driver_id", "origin_driver_id")));

    RowSet result =
        retrieve(
            store,
            new HistoricalRequest(EntitySource.of(entities), List.of(own, origin), true, false));

    assertThat(result.columnNames())
        .containsExactly(
            "driver_id",
            "origin_driver_id",
            "event_timestamp",
            "driver_stats__trips",
            "origin__trips");
    assertThat(column(result, "driver_stats__trips")).containsExactly(1, 2);
    assertThat(column(result, "origin__trips")).containsExactly(2, 1);
  }

  @ParameterizedTest(name = "pruning={0}")
  @ValueSource(booleans = {true, false})
  void fieldMappingRenamesSourceColumns(boolean pruning) {
    OfflineStore store = store(pruning);
    FeatureView view =
        FeatureView.builder("mapped")
            .entity(DRIVER)
            .feature("feature_name", ValueType.INT64)
            .ttl(Duration.ZERO)
            .source(
                IcebergSource.of("feast.mapped", "ts", "created_at")
                    .withFieldMapping(Map.of("id", "driver_id", "column_name", "feature_name")))
            .build();
    store.writeBatch(
        view,
        RowSet.builder(
                Field.of("id", ValueType.INT64),
                Field.of("ts", ValueType.UNIX_TIMESTAMP),
                Field.of("created_at", ValueType.UNIX_TIMESTAMP),
                Field.of("column_name", ValueType.INT64))
            .add(1L, at(1), at(1), 11L)
            .add(1L, at(1), at(2), 12L)
            .add(2L, at(1), at(1), 21L)
            .build());
    RowSet entities = driverEntities().add(2L, at(3)).add(1L, at(3)).add(1L, at(0)).build();

    RowSet result =
        retrieve(
            store,
            HistoricalRequest.of(EntitySource.of(entities), List.of(ViewSelection.all(view))));

    assertThat(result.columnNames())
        .containsExactly("driver_id", "event_timestamp", "feature_name");
    assertThat(column(result, "feature_name")).isEqualTo(Arrays.asList(21L, 12L, null));
  }
}
