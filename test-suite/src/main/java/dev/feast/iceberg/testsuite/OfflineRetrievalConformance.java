package dev.feast.iceberg.testsuite;

import static dev.feast.iceberg.testsuite.RowSetAssertions.assertSameRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.FeatureViewProjection;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.InvalidEntityRowsException;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.annotation.Evolving;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.FeatureNameCollisionException;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineCapability;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The retrieval half of the offline contract (O1–O15, and N10's offline side): point-in-time joins
 * and pulls, checked against {@link Oracle} over the shared {@link Dataset}. Extend {@link
 * OfflineStoreConformance}, not this class.
 */
@Evolving
public abstract class OfflineRetrievalConformance extends OfflineConformanceBase {

  /** The dataset's orders whose order_id is one of these, in the order of the dataset. */
  protected final RowSet orders(String... ids) {
    List<String> wanted = Arrays.asList(ids);
    RowSet all = dataset().orders();
    RowSet.Builder out = RowSet.builder(all.columns());
    for (int r = 0; r < all.size(); r++) {
      if (wanted.contains((String) all.get(r, "order_id"))) {
        out.add(all.rows().get(r));
      }
    }
    return out.build();
  }

  protected static List<Object> column(RowSet rows, String name) {
    List<Object> values = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      values.add(rows.get(r, name));
    }
    return values;
  }

  /** The value of a column in the row of an order, found by order_id. */
  private static Object valueOf(RowSet rows, String orderId, String column) {
    for (int r = 0; r < rows.size(); r++) {
      if (orderId.equals(rows.get(r, "order_id"))) {
        return rows.get(r, column);
      }
    }
    throw new AssertionError("No row for order " + orderId + " in the result");
  }

  protected static ViewSelection all(FeatureView view) {
    return ViewSelection.all(view);
  }

  /** The request most tests check: every order, every view keyed by its columns. */
  private HistoricalRequest everyView(RowSet entities, boolean fullFeatureNames) {
    Dataset d = dataset();
    return request(
        entities,
        fullFeatureNames,
        all(d.driverStats()),
        all(d.customerProfile()),
        all(d.order()),
        all(d.globalStats()),
        all(d.driverRatings()));
  }

  private void checkAgainstOracle(String what, HistoricalRequest request) {
    assertSameRows(what, retrieve(request), expected(request));
  }

  /**
   * Case O1 (Point-in-time visibility), this test: a row at exactly the entity timestamp is
   * visible, later ones are not. The rule: A feature row whose event timestamp equals the entity
   * row's timestamp is visible; rows after it are not. See O1 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O1: a row at exactly the entity timestamp is visible, later ones are not")
  void o01_aFeatureRowAtExactlyTheEntityTimestampIsVisibleAndLaterOnesAreNot() {
    HistoricalRequest request =
        request(orders("o-exact", "o-just-before"), false, all(dataset().driverStats()));
    RowSet result = retrieve(request);
    // Driver 5001 has rows at hours 3 and 4 (the one at 4 corrected by a backfill).
    assertThat(valueOf(result, "o-exact", "lifetime_trips")).isEqualTo(5_001_005L);
    assertThat(valueOf(result, "o-just-before", "lifetime_trips")).isEqualTo(5_001_003L);
    assertSameRows("O1", result, expected(request));
  }

  /**
   * Case O2 (TTL bound), this test: the ttl lower bound is inclusive, measured from each entity
   * row. The rule: A feature row is visible only when entity_ts - ttl &lt;= feature_ts (inclusive),
   * measured from each entity row; a ttl of 0 means unbounded, and a long ttl (730 days) is valid.
   * See O2 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O2: the ttl lower bound is inclusive, measured from each entity row")
  void o02_theTtlLowerBoundIsInclusiveAndMeasuredFromEachEntityRow() {
    HistoricalRequest request =
        request(orders("o-ttl-edge", "o-ttl-past"), false, all(dataset().driverStats()));
    RowSet result = retrieve(request);
    // The latest row of driver 5001 before hour 7 is at hour 5; the ttl is 2 h.
    assertThat(valueOf(result, "o-ttl-edge", "lifetime_trips")).isEqualTo(5_001_005L);
    assertThat(valueOf(result, "o-ttl-past", "lifetime_trips")).isNull();
    assertSameRows("O2", result, expected(request));
  }

  /**
   * Case O2 (TTL bound), this test: ttl 0 is unbounded and a long ttl is valid. The rule: A feature
   * row is visible only when entity_ts - ttl &lt;= feature_ts (inclusive), measured from each
   * entity row; a ttl of 0 means unbounded, and a long ttl (730 days) is valid. See O2 in
   * test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O2: ttl 0 is unbounded and a long ttl is valid")
  void o02_ttlZeroIsUnboundedAndALongTtlIsValid() {
    Dataset d = dataset();
    ViewSelection origin =
        new ViewSelection(
            d.locationStats(),
            FeatureViewProjection.of(d.locationStats().name())
                .withJoinKeyMap(Map.of("location_id", "origin_location_id")));
    HistoricalRequest unbounded = request(orders("o-late"), false, origin);
    assertThat(retrieve(unbounded).get(0, "temperature")).as("ttl 0, 10 days late").isNotNull();
    FeatureView twoYears = withTtl(d.driverStats(), Duration.ofDays(730));
    HistoricalRequest request = request(d.orders(), false, all(twoYears));
    RowSet result = retrieve(request);
    assertThat(valueOf(result, "o-ttl-past", "lifetime_trips")).isEqualTo(5_001_005L);
    assertThat(valueOf(result, "o-late", "lifetime_trips")).isNotNull();
    assertSameRows("O2 ttl 730 d", result, expected(request));
  }

  /**
   * Case O3 (Latest event wins), this test: the latest event timestamp wins. The rule: Among
   * visible rows of a key, the greatest event timestamp wins. See O3 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O3: the latest event timestamp wins")
  void o03_theLatestEventTimestampWins() {
    RowSet entities =
        RowSet.builder(
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP))
            .add(5001L, dataset().hour(5).plus(Duration.ofMinutes(30)))
            .add(5002L, dataset().hour(5).plus(Duration.ofMinutes(30)))
            .build();
    HistoricalRequest request = request(entities, false, all(dataset().driverStats()));
    RowSet result = retrieve(request);
    assertThat(result.get(0, "lifetime_trips")).isEqualTo(5_001_005L);
    assertSameRows("O3", result, expected(request));
  }

  /**
   * Case O4 (Created timestamp breaks ties), this test: on equal event timestamps the greatest
   * created timestamp wins. The rule: On equal event timestamps the greatest created timestamp
   * wins; every backfill correction wins over the row it corrects. See O4 in
   * test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O4: on equal event timestamps the greatest created timestamp wins")
  void o04_onEqualEventTimestampsTheGreatestCreatedTimestampWins() {
    HistoricalRequest request =
        request(orders("o-backfill-1001", "o-backfill-1002"), false, all(dataset().driverStats()));
    RowSet result = retrieve(request);
    assertThat(valueOf(result, "o-backfill-1001", "trips_today")).isEqualTo(20);
    assertThat(valueOf(result, "o-backfill-1002", "trips_today")).isEqualTo(40);
  }

  /**
   * Case O4 (Created timestamp breaks ties), this test: every backfill correction wins over the row
   * it corrects. The rule: On equal event timestamps the greatest created timestamp wins; every
   * backfill correction wins over the row it corrects. See O4 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O4: every backfill correction wins over the row it corrects")
  void o04_everyBackfillCorrectionWinsOverTheRowItCorrects() {
    RowSet.Builder entities =
        RowSet.builder(
            Field.of("driver_id", ValueType.INT64),
            Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP));
    int corrections = 0;
    for (long d = 5001; d <= 5019; d++) {
      for (int h = 0; h <= DatasetRows.HOURS; h++) {
        if (DatasetRows.driverActive(d, h) && DatasetRows.corrected(d, h)) {
          entities.add(d, dataset().hour(h).plus(Duration.ofMinutes(30)));
          corrections++;
        }
      }
    }
    RowSet result = retrieve(request(entities.build(), false, all(dataset().driverStats())));
    assertThat(corrections).isGreaterThan(20);
    assertThat(column(result, "status")).hasSize(corrections).containsOnly("corrected");
    assertThat(column(result, "trips_today")).containsOnly(99);
  }

  /**
   * Case O5 (Unmatched entity rows are kept), this test: an entity row without a match is kept with
   * null features. The rule: An entity row without a visible feature row (unknown key, before any
   * data, after the ttl) is kept with null features. See O5 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O5: an entity row without a match is kept with null features")
  void o05_anEntityRowWithoutAMatchIsKeptWithNullFeatures() {
    RowSet entities =
        RowSet.builder(
                Field.of("driver_id", ValueType.INT64),
                Field.of("customer_id", ValueType.INT64),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP))
            .add(9999L, 9999L, dataset().hour(30))
            .add(5001L, 1001L, dataset().start().minus(Duration.ofDays(1)))
            .add(5001L, 1001L, dataset().end().plus(Duration.ofDays(10)))
            .build();
    HistoricalRequest request = everyView(entities, false);
    RowSet result = retrieve(request);
    assertThat(result.size()).isEqualTo(3);
    for (int r = 0; r < 3; r++) {
      for (Field feature : dataset().driverStats().features()) {
        assertThat(result.get(r, feature.name())).as("row %s %s", r, feature.name()).isNull();
      }
    }
    assertSameRows("O5", result, expected(request));
  }

  /**
   * Case O6 (Output rows equal input rows), this test: output rows equal input rows, duplicates and
   * extra columns kept. The rule: The result has exactly the entity rows, duplicates included, with
   * their extra columns first and in order. See O6 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O6: output rows equal input rows, duplicates and extra columns kept")
  void o06_outputRowsEqualInputRowsWithDuplicatesAndExtraColumns() {
    HistoricalRequest request = everyView(dataset().orders(), false);
    RowSet result = retrieve(request);
    assertThat(result.size()).isEqualTo(dataset().orders().size());
    assertThat(column(result, "order_id")).filteredOn("o-3"::equals).hasSize(3);
    assertThat(column(result, "order_id")).contains("o-5", "o-5-twin");
    assertThat(result.columnNames())
        .startsWith(dataset().orders().columnNames().toArray(new String[0]));
    assertSameRows("O6", result, expected(request));
  }

  /**
   * Case O7 (Views join independently), this test: several views join independently (composite
   * keys, entity-less views). The rule: Several views in one request each join on their own keys,
   * composite keys and entity-less views included. See O7 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O7: several views join independently (composite keys, entity-less views)")
  void o07_severalViewsJoinIndependentlyIncludingCompositeKeysAndEntityLessViews() {
    RowSet result = retrieve(everyView(dataset().orders(), false));
    assertThat(column(result, "order_is_success")).as("composite key hits").contains(true, false);
    assertThat(column(result, "num_rides"))
        .as("entity-less view")
        .filteredOn(java.util.Objects::nonNull)
        .hasSizeGreaterThan(dataset().orders().size() / 2);
    checkAgainstOracle("O7", everyView(dataset().orders(), false));
  }

  /**
   * Case O8 (Full feature names), this test: full feature names prefix the view; collisions are
   * errors. The rule: With full_feature_names columns are &lt;view or alias&gt;__&lt;feature&gt;;
   * without it, two selections producing the same column name are a FeatureNameCollisionException
   * naming both refs. See O8 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O8: full feature names prefix the view; collisions are errors")
  void o08_fullFeatureNamesPrefixTheViewAndCollisionsAreErrors() {
    FeatureView stats = dataset().driverStats();
    ViewSelection copy =
        new ViewSelection(stats, FeatureViewProjection.of(stats.name()).withAlias("stats_copy"));
    HistoricalRequest full = request(dataset().orders(), true, all(stats), copy);
    RowSet result = retrieve(full);
    assertThat(result.columnNames()).contains("driver_stats__conv_rate", "stats_copy__conv_rate");
    assertSameRows("O8", result, expected(full));
    assertThatThrownBy(() -> request(dataset().orders(), false, all(stats), copy))
        .isInstanceOf(FeatureNameCollisionException.class)
        .hasMessageContaining("driver_stats:conv_rate")
        .hasMessageContaining("stats_copy:conv_rate");
  }

  /**
   * Case O9 (Alias and join key map), this test: an alias with a join key map joins on the mapped
   * column. The rule: A projection's alias names its columns and its join key map joins on the
   * mapped entity column. See O9 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O9: an alias with a join key map joins on the mapped column")
  void o09_anAliasWithAJoinKeyMapJoinsOnTheMappedColumn() {
    FeatureView locations = dataset().locationStats();
    ViewSelection origin =
        new ViewSelection(
            locations,
            FeatureViewProjection.of(locations.name())
                .withAlias("origin")
                .withJoinKeyMap(Map.of("location_id", "origin_location_id")));
    ViewSelection destination =
        new ViewSelection(
            locations,
            FeatureViewProjection.of(locations.name())
                .withAlias("destination")
                .withJoinKeyMap(Map.of("location_id", "destination_location_id")));
    HistoricalRequest request =
        request(dataset().orders(), true, origin, destination, all(dataset().driverStats()));
    RowSet result = retrieve(request);
    assertThat(result.columnNames()).contains("origin__temperature", "destination__temperature");
    assertThat(column(result, "origin__temperature"))
        .isNotEqualTo(column(result, "destination__temperature"));
    assertSameRows("O9", result, expected(request));
  }

  /**
   * Case O10 (Unknown view or feature), this test: an unknown view or feature is an error naming
   * it. The rule: An unknown view, source or feature is an error whose message names it. See O10 in
   * test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O10: an unknown view or feature is an error naming it")
  void o10_anUnknownViewOrFeatureIsAnErrorNamingIt() {
    Dataset d = dataset();
    FeatureView missing =
        FeatureView.builder("no_such_view")
            .entity(Dataset.DRIVER)
            .feature("conv_rate", ValueType.FLOAT)
            .source(d.sourceFactory().create("no_such_table", "event_timestamp", "", Map.of()))
            .build();
    assertThatThrownBy(() -> retrieve(request(d.orders(), false, all(missing))))
        .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("no_such_view", "no_such_table"));
    FeatureView unknownFeature =
        FeatureView.builder(d.driverStats().name())
            .entity(Dataset.DRIVER)
            .feature("conv_rate", ValueType.FLOAT)
            .feature("no_such_feature", ValueType.INT64)
            .source(d.driverStats().source())
            .build();
    assertThatThrownBy(() -> retrieve(request(d.orders(), false, all(unknownFeature))))
        .hasMessageContaining("no_such_feature");
  }

  /**
   * Case O11 (Field mapping), this test: field mapping renames source columns. The rule: A source's
   * field mapping renames source columns to feature and join key names, in retrieval and in pulls.
   * See O11 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O11: field mapping renames source columns")
  void o11_fieldMappingRenamesSourceColumnsToFeatureAndJoinKeyNames() {
    FeatureView ratings = dataset().driverRatings();
    HistoricalRequest request = request(dataset().orders(), false, all(ratings));
    RowSet result = retrieve(request);
    assertThat(result.columnNames()).contains("feature_name").doesNotContain("column_name", "id");
    assertThat(column(result, "feature_name"))
        .hasSizeGreaterThan(1)
        .isNotEqualTo(java.util.Collections.nCopies(result.size(), null));
    assertSameRows("O11", result, expected(request));
    RowSet pulled = run(store().pullLatest(ratings, dataset().start(), dataset().end()));
    assertThat(pulled.columnNames()).contains("driver_id", "feature_name");
    assertSameRows(
        "O11 pull_latest",
        pulled,
        Oracle.pullLatest(
            ratings,
            dataset().sourceRows().get(ratings.source().name()),
            dataset().start(),
            dataset().end()));
  }

  /**
   * Case O12 (Timestamps), this test: mixed time zones compare as instants; naive timestamps are
   * UTC. The rule: Entity timestamps in mixed time zones compare as instants, naive timestamps are
   * UTC; an entity timestamp column not named event_timestamp is used when it is the only timestamp
   * column, and several candidates are an InvalidEntityRowsException. See O12 in
   * test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O12: mixed time zones compare as instants; naive timestamps are UTC")
  void o12_mixedTimeZonesCompareAsInstantsAndNaiveTimestampsAreUtc() {
    RowSet mixed = dataset().orders();
    RowSet.Builder utc = RowSet.builder(mixed.columns());
    int ts = mixed.indexOf("event_timestamp");
    for (List<Object> row : mixed.rows()) {
      List<Object> copy = new ArrayList<>(row);
      copy.set(ts, Oracle.instant(row.get(ts)));
      utc.add(copy);
    }
    RowSet fromMixed = retrieve(everyView(mixed, false));
    RowSet fromUtc = retrieve(everyView(utc.build(), false));
    assertSameRows("O12 mixed zones vs UTC instants", fromMixed, fromUtc);
    assertThat(column(fromMixed, "event_timestamp")).allMatch(Instant.class::isInstance);
    assertSameRows("O12", fromMixed, expected(everyView(mixed, false)));
  }

  /**
   * Case O12 (Timestamps), this test: the only timestamp column is the entity timestamp, else an
   * error. The rule: Entity timestamps in mixed time zones compare as instants, naive timestamps
   * are UTC; an entity timestamp column not named event_timestamp is used when it is the only
   * timestamp column, and several candidates are an InvalidEntityRowsException. See O12 in
   * test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O12: the only timestamp column is the entity timestamp, else an error")
  void o12_theOnlyTimestampColumnIsTheEntityTimestampElseAnError() {
    RowSet orders = orders("o-exact", "o-ttl-edge", "o-backfill-1001");
    List<Field> renamed = new ArrayList<>();
    for (Field field : orders.columns()) {
      renamed.add(
          field.name().equals("event_timestamp") ? Field.of("order_time", field.type()) : field);
    }
    RowSet orderTime = new RowSet(renamed, orders.rows());
    HistoricalRequest request = request(orderTime, false, all(dataset().driverStats()));
    RowSet result = retrieve(request);
    assertThat(column(result, "order_time")).allMatch(Instant.class::isInstance);
    assertSameRows("O12 order_time", result, expected(request));

    List<Field> two = new ArrayList<>(renamed);
    two.add(Field.of("delivered_at", ValueType.UNIX_TIMESTAMP));
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : orders.rows()) {
      List<Object> copy = new ArrayList<>(row);
      copy.add(dataset().end());
      rows.add(copy);
    }
    RowSet ambiguous = new RowSet(two, rows);
    assertThatThrownBy(() -> retrieve(request(ambiguous, false, all(dataset().driverStats()))))
        .isInstanceOf(InvalidEntityRowsException.class)
        .hasMessageContaining("event_timestamp");
  }

  /**
   * Case O13 (Filter by created timestamp), this test: filter by created timestamp
   * (FILTER_BY_CREATED_TIMESTAMP declared). The rule: With filterByCreatedTimestamp, a feature row
   * must also have been created at or before the entity row. A store not declaring the capability
   * refuses the request. See O13 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O13: filter by created timestamp (FILTER_BY_CREATED_TIMESTAMP declared)")
  void o13_filterByCreatedTimestampAlsoRequiresCreatedAtOrBeforeTheEntityRow() {
    requires(OfflineCapability.FILTER_BY_CREATED_TIMESTAMP);
    HistoricalRequest request =
        new HistoricalRequest(
            EntitySource.of(dataset().orders()),
            List.of(all(dataset().driverStats()), all(dataset().order())),
            false,
            true);
    RowSet result = retrieve(request);
    assertThat(valueOf(result, "o-backfill-1001", "trips_today")).isEqualTo(10);
    assertThat(valueOf(result, "o-backfill-1002", "trips_today")).isEqualTo(30);
    assertSameRows("O13", result, expected(request));
  }

  /**
   * Case O13 (Filter by created timestamp), this test: filter by created timestamp is refused when
   * not declared. The rule: With filterByCreatedTimestamp, a feature row must also have been
   * created at or before the entity row. A store not declaring the capability refuses the request.
   * See O13 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O13: filter by created timestamp is refused when not declared")
  void o13_filterByCreatedTimestampIsRejectedWhenUnsupported() {
    requiresNot(OfflineCapability.FILTER_BY_CREATED_TIMESTAMP);
    HistoricalRequest request =
        new HistoricalRequest(
            EntitySource.of(dataset().orders()),
            List.of(all(dataset().driverStats())),
            false,
            true);
    assertRefused("O13", OfflineCapability.FILTER_BY_CREATED_TIMESTAMP, () -> retrieve(request));
  }

  /**
   * Case O14 (pull_latest), this test: pull_latest gives one row per key within an inclusive range.
   * The rule: pullLatest(view, start, end) returns one row per key: the latest (event, then created
   * timestamp) with event timestamp in [start, end], both ends inclusive. See O14 in
   * test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O14: pull_latest gives one row per key within an inclusive range")
  void o14_pullLatestGivesOneRowPerKeyWithinAnInclusiveRange() {
    Instant start = dataset().hour(10);
    Instant end = dataset().hour(40);
    for (FeatureView view : dataset().views().values()) {
      RowSet source = dataset().sourceRows().get(view.source().name());
      assertSameRows(
          "O14 pull_latest " + view.name(),
          run(store().pullLatest(view, start, end)),
          Oracle.pullLatest(view, source, start, end));
    }
    FeatureView stats = dataset().driverStats();
    Instant b = dataset().backfillTime().minus(Duration.ofHours(1));
    RowSet ties = run(store().pullLatest(stats, b, b));
    assertThat(column(ties, "trips_today")).contains(20, 40);
  }

  /**
   * Case O15 (pull_all), this test: pull_all gives every row within the range. The rule:
   * pullAll(view, start, end) returns every row with event timestamp in [start, end]. See O15 in
   * test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O15: pull_all gives every row within the range")
  void o15_pullAllGivesEveryRowWithinTheRange() {
    Instant start = dataset().hour(10);
    Instant end = dataset().hour(40);
    for (FeatureView view : dataset().views().values()) {
      RowSet source = dataset().sourceRows().get(view.source().name());
      assertSameRows(
          "O15 pull_all " + view.name(),
          run(store().pullAll(view, start, end)),
          Oracle.pullAll(view, source, start, end));
    }
  }

  /**
   * Case N10 (Online equals offline), this test: offline side: pull_latest over the ttl agrees with
   * retrieval at its end. The rule: After materialize and materialize-incremental, every key reads
   * online as the offline answer at the same instant (and pullLatest over the ttl agrees with
   * retrieval at its end). See N10 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("N10: offline side: pull_latest over the ttl agrees with retrieval at its end")
  void n10_pullLatestOverTheTtlAgreesWithRetrievalAtItsEnd() {
    Dataset d = dataset();
    Instant t = d.end().minus(Duration.ofMinutes(30));
    for (FeatureView view :
        List.of(d.driverStats(), d.customerProfile(), d.order(), d.globalStats())) {
      RowSet pulled = run(store().pullLatest(view, t.minus(view.ttl()), t));
      List<Field> keyColumns = new ArrayList<>(view.entityColumns());
      keyColumns.add(Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP));
      RowSet.Builder entities = RowSet.builder(keyColumns);
      for (int r = 0; r < pulled.size(); r++) {
        List<Object> row = new ArrayList<>();
        for (String key : view.joinKeys()) {
          row.add(pulled.get(r, key));
        }
        row.add(t);
        entities.add(row);
      }
      RowSet retrieved = retrieve(request(entities.build(), false, all(view)));
      List<Field> columns = new ArrayList<>(keyColumns);
      columns.addAll(view.features());
      RowSet.Builder materialized = RowSet.builder(columns);
      for (int r = 0; r < pulled.size(); r++) {
        List<Object> row = new ArrayList<>();
        for (Field column : columns) {
          row.add(column.name().equals("event_timestamp") ? t : pulled.get(r, column.name()));
        }
        materialized.add(row);
      }
      assertSameRows("N10 " + view.name(), retrieved, materialized.build());
    }
  }
}
