package dev.feast.iceberg.testsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowBatch;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.annotation.Evolving;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.online.FeatureStatus;
import dev.feast.iceberg.spi.online.FeatureValue;
import dev.feast.iceberg.spi.online.MaintenanceReport;
import dev.feast.iceberg.spi.online.OnlineCapability;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The online store contract of {@code test-suite/CONTRACT.md} (N1–N12), N13: bulk writes ({@code
 * writeAll}), and N14: bulk writes of column batches ({@code writeBatches}). Extend it and
 * implement {@link #createStore}; optional behaviours ({@link OnlineCapability}) follow the store's
 * {@code capabilities()} and show as skipped, with the reason, when not declared.
 *
 * <pre>{@code
 * class MyOnlineStoreConformanceTest extends OnlineStoreConformance {
 *   @Override
 *   protected OnlineStore createStore(Path directory) {
 *     return new MyOnlineStoreFactory().create(new MyConfig(directory.resolve("online.db")),
 *         closeAfterEach(TestPluginContext.of(directory)));
 *   }
 * }
 * }</pre>
 *
 * <p>Optional hook: {@link #storedEntityKeys} (N7's check of the stored key bytes). N10 runs at the
 * SPI level: the oracle's {@code pull_latest} over the dataset written with {@code write}, as
 * Feast's {@code materialize} and {@code materialize-incremental} do; recording the materialized
 * intervals belongs to the runtime's {@code FeatureStore} and is tested there.
 */
@Evolving
public abstract class OnlineStoreConformance extends OnlineConformanceBase {
  /** Feast's version-3 bytes of {@code {driver_id: int64 1001}} (N7 of CONTRACT.md). */
  public static final String GOLDEN_DRIVER_1001 =
      "0100000002000000090000006472697665725f69640400000008000000e903000000000000";

  /**
   * Feast's version-3 bytes of {@code {customer_id: "5", driver_id: int64 1}} (N7 of CONTRACT.md).
   */
  public static final String GOLDEN_CUSTOMER_5_DRIVER_1 =
      "02000000020000000b000000637573746f6d65725f696402000000090000006472697665725f6964020000"
          + "00010000003504000000080000000100000000000000";

  private static final Instant T = Instant.now().truncatedTo(ChronoUnit.MINUTES);

  /** A small view of its own per test: one int64 and one string feature, no ttl. */
  private FeatureView counters(String name) {
    return FeatureView.builder(name)
        .entity(Dataset.DRIVER)
        .feature("value", ValueType.INT64)
        .feature("label", ValueType.STRING)
        .source(sourceFactory().create(name, "event_timestamp", "created", Map.of()))
        .build();
  }

  private static OnlineRow counter(long driver, long value, int minutes, Integer createdMinutes) {
    Instant event = T.minus(Duration.ofMinutes(100 - minutes));
    Instant created =
        createdMinutes == null ? null : T.minus(Duration.ofMinutes(100 - createdMinutes));
    return row(driver(driver), event, created, "value", value, "label", "v" + value);
  }

  private Object value(OnlineResult result) {
    return result.value("value");
  }

  /**
   * Case N1 (Results per key), this test: one result per key in input order; missing keys
   * NOT_FOUND; duplicates alike. The rule: read returns one result per key in input order; a
   * missing key is NOT_FOUND; duplicate keys are answered alike. See N1 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("N1: one result per key in input order; missing keys NOT_FOUND; duplicates alike")
  void n01_oneResultPerKeyInInputOrderMissingKeysNotFoundDuplicatesAnsweredAlike() {
    FeatureView view = counters("n1_counters");
    create(view);
    store().write(view, List.of(counter(5001, 1, 1, null), counter(5002, 2, 1, null)));
    List<EntityKey> keys = List.of(driver(5002), driver(9999), driver(5001), driver(5002));
    List<OnlineResult> results = readAll(view, keys);
    assertThat(results).hasSize(4);
    assertThat(results).extracting(OnlineResult::key).containsExactlyElementsOf(keys);
    assertThat(results).extracting(this::value).containsExactly(2L, null, 1L, 2L);
    assertThat(results.get(1).found()).isFalse();
    assertThat(results.get(1).features().values())
        .extracting(FeatureValue::status)
        .containsOnly(FeatureStatus.NOT_FOUND);
    assertThat(results.get(3)).isEqualTo(results.get(0));
  }

  /**
   * Case N2 (Requested features), this test: only the requested features come back, in request
   * order. The rule: Only the requested features come back, in request order. See N2 in
   * test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("N2: only the requested features come back, in request order")
  void n02_onlyTheRequestedFeaturesComeBackInRequestOrder() {
    FeatureView stats = dataset().driverStats();
    create(stats);
    store().write(stats, materialized(stats, dataset().start(), dataset().end()));
    List<OnlineResult> results =
        store().read(stats, List.of(driver(5003)), List.of("trips_today", "conv_rate"));
    assertThat(results.get(0).features().keySet()).containsExactly("trips_today", "conv_rate");
  }

  /**
   * Case N3 (Write then read), this test: write then read gives the latest value with its event
   * timestamp. The rule: After a write, a read gives the latest value with its event timestamp,
   * status PRESENT. See N3 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("N3: write then read gives the latest value with its event timestamp")
  void n03_writeThenReadGivesTheLatestValueWithItsEventTimestamp() {
    FeatureView view = counters("n3_counters");
    create(view);
    store()
        .write(
            view,
            List.of(counter(5001, 1, 10, 10), counter(5001, 3, 30, 30), counter(5001, 2, 20, 20)));
    OnlineResult result = readAll(view, List.of(driver(5001))).get(0);
    assertThat(value(result)).isEqualTo(3L);
    assertThat(result.value("label")).isEqualTo("v3");
    assertThat(result.eventTimestamp()).isEqualTo(T.minus(Duration.ofMinutes(70)));
    assertThat(result.features().get("value").status()).isEqualTo(FeatureStatus.PRESENT);
  }

  /**
   * Case N4 (Latest wins), this test: the greatest event then created timestamp wins whatever the
   * order. The rule: Per key the greatest (event, created) timestamp wins whatever order rows and
   * batches arrive in; an older write never replaces a newer value. See N4 in
   * test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("N4: the greatest event then created timestamp wins whatever the order")
  void n04_theGreatestEventThenCreatedTimestampWinsWhateverOrderBatchesArriveIn() {
    List<OnlineRow> rows = new ArrayList<>();
    for (long d = 5001; d <= 5006; d++) {
      rows.add(counter(d, d * 10 + 1, 10, 10));
      rows.add(counter(d, d * 10 + 2, 20, 15));
      rows.add(counter(d, d * 10 + 3, 20, 25)); // same event time, later created: wins over +2
      rows.add(counter(d, d * 10 + 4, 5, 90)); // older event, latest created: loses
    }
    Map<EntityKey, OnlineRow> expected = Oracle.latestOnline(rows);
    Random random = new Random(42);
    for (int permutation = 0; permutation < 4; permutation++) {
      FeatureView view = counters("n4_order_" + permutation);
      create(view);
      List<OnlineRow> shuffled = new ArrayList<>(rows);
      if (permutation == 0) {
        Collections.reverse(shuffled);
      } else {
        Collections.shuffle(shuffled, random);
      }
      for (int from = 0; from < shuffled.size(); ) {
        int size = 1 + random.nextInt(4);
        store().write(view, shuffled.subList(from, Math.min(from + size, shuffled.size())));
        from += size;
      }
      List<EntityKey> keys = new ArrayList<>(expected.keySet());
      List<OnlineResult> results = readAll(view, keys);
      for (int i = 0; i < keys.size(); i++) {
        OnlineRow winner = expected.get(keys.get(i));
        assertThat(value(results.get(i)))
            .as("permutation %s, key %s", permutation, keys.get(i))
            .isEqualTo(winner.values().get("value"));
        assertThat(results.get(i).eventTimestamp()).isEqualTo(winner.eventTimestamp());
      }
    }
  }

  /**
   * Case N4 (Latest wins), this test: an older write never replaces a newer value. The rule: Per
   * key the greatest (event, created) timestamp wins whatever order rows and batches arrive in; an
   * older write never replaces a newer value. See N4 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("N4: an older write never replaces a newer value")
  void n04_anOlderWriteNeverReplacesANewerValue() {
    FeatureView view = counters("n4_older");
    create(view);
    store().write(view, List.of(counter(5001, 2, 50, 50)));
    store().write(view, List.of(counter(5001, 1, 40, 95)));
    store().write(view, List.of(counter(5001, 0, 50, 45)));
    assertThat(value(readAll(view, List.of(driver(5001))).get(0))).isEqualTo(2L);
  }

  /**
   * Case N5 (update), this test: update creates and drops storage without touching another view's
   * data. The rule: update creates storage for kept views and drops the deleted ones without
   * touching another view's data; a recreated view starts empty. See N5 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("N5: update creates and drops storage without touching another view's data")
  void n05_updateCreatesAndDropsStorageWithoutTouchingAnotherViewsData() {
    FeatureView kept = counters("n5_kept");
    FeatureView dropped = counters("n5_dropped");
    create(kept, dropped);
    store().write(kept, List.of(counter(5001, 1, 1, 1)));
    store().write(dropped, List.of(counter(5001, 2, 1, 1)));
    store().update(List.of(kept), List.of(dropped));
    assertThat(value(readAll(kept, List.of(driver(5001))).get(0))).isEqualTo(1L);
    create(kept, dropped);
    assertThat(value(readAll(kept, List.of(driver(5001))).get(0))).as("kept, again").isEqualTo(1L);
    assertThat(readAll(dropped, List.of(driver(5001))).get(0).found())
        .as("a recreated view starts empty")
        .isFalse();
  }

  /**
   * Case N6 (teardown), this test: teardown removes everything. The rule: teardown removes every
   * view's data. See N6 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("N6: teardown removes everything")
  void n06_teardownRemovesEverything() {
    FeatureView first = counters("n6_first");
    FeatureView second = counters("n6_second");
    create(first, second);
    store().write(first, List.of(counter(5001, 1, 1, 1)));
    store().write(second, List.of(counter(5002, 2, 1, 1)));
    store().teardown(List.of(first, second));
    create(first, second);
    assertThat(readAll(first, List.of(driver(5001), driver(5002)))).noneMatch(OnlineResult::found);
    assertThat(readAll(second, List.of(driver(5001), driver(5002)))).noneMatch(OnlineResult::found);
  }

  /**
   * Case N7 (Entity key bytes), this test: entity keys serialize to Feast's version-3 bytes, keys
   * sorted by name. The rule: Entity keys serialize to Feast's version-3 bytes with keys sorted by
   * name; a store exposing its stored keys stores those bytes. See N7 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("N7: entity keys serialize to Feast's version-3 bytes, keys sorted by name")
  void n07_entityKeysSerializeToFeastVersion3BytesWithKeysSortedByName() {
    HexFormat hex = HexFormat.of();
    assertThat(hex.formatHex(EntityKey.of("driver_id", 1001L).serialize()))
        .isEqualTo(GOLDEN_DRIVER_1001);
    EntityKey composite = new EntityKey(List.of("driver_id", "customer_id"), List.of(1L, "5"));
    assertThat(hex.formatHex(composite.serialize())).isEqualTo(GOLDEN_CUSTOMER_5_DRIVER_1);
  }

  /**
   * Case N7 (Entity key bytes), this test: stored entity keys are Feast's version-3 bytes. The
   * rule: Entity keys serialize to Feast's version-3 bytes with keys sorted by name; a store
   * exposing its stored keys stores those bytes. See N7 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("N7: stored entity keys are Feast's version-3 bytes")
  void n07_storedEntityKeysAreFeastVersion3Bytes() {
    FeatureView single = counters("n7_single");
    FeatureView composite =
        FeatureView.builder("n7_composite")
            .entity(Dataset.DRIVER)
            .entity(dev.feast.iceberg.spi.Entity.of("customer", "customer_id", ValueType.STRING))
            .feature("value", ValueType.INT64)
            .source(sourceFactory().create("n7_composite", "event_timestamp", "", Map.of()))
            .build();
    create(single, composite);
    store().write(single, List.of(row(driver(1001), T, null, "value", 1L)));
    EntityKey byDriverFirst = new EntityKey(List.of("driver_id", "customer_id"), List.of(1L, "5"));
    store().write(composite, List.of(row(byDriverFirst, T, null, "value", 2L)));
    EntityKey byCustomerFirst = EntityKey.of(Map.of("customer_id", "5", "driver_id", 1L));
    assertThat(
            store()
                .read(composite, List.of(byCustomerFirst), List.of("value"))
                .get(0)
                .value("value"))
        .isEqualTo(2L);
    Optional<List<byte[]>> singleKeys = storedEntityKeys(store(), single);
    assumeTrue(
        singleKeys.isPresent(),
        "N7 storage check skipped: the subclass does not expose stored keys (storedEntityKeys)");
    HexFormat hex = HexFormat.of();
    assertThat(singleKeys.get()).extracting(hex::formatHex).contains(GOLDEN_DRIVER_1001);
    assertThat(storedEntityKeys(store(), composite).orElseThrow())
        .extracting(hex::formatHex)
        .contains(GOLDEN_CUSTOMER_5_DRIVER_1);
  }

  /**
   * Case N8 (Entity-less views), this test: an entity-less view reads and writes under the empty
   * key. The rule: An entity-less view reads and writes under the empty key. See N8 in
   * test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("N8: an entity-less view reads and writes under the empty key")
  void n08_anEntityLessViewReadsAndWritesUnderTheEmptyKey() {
    FeatureView global = dataset().globalStats();
    create(global);
    List<OnlineRow> rows = materialized(global, dataset().start(), dataset().end());
    assertThat(rows).extracting(OnlineRow::key).containsOnly(EntityKey.EMPTY);
    store().write(global, rows);
    OnlineResult result = readAll(global, List.of(EntityKey.EMPTY)).get(0);
    assertThat(result.value("num_rides")).isEqualTo(100 + DatasetRows.HOURS);
    assertThat(result.eventTimestamp()).isEqualTo(dataset().end());
  }

  /**
   * Case N9 (Value types), this test: every value type round-trips, nulls and empty lists included.
   * The rule: Every value type round-trips with its type, nulls and empty lists included. See N9 in
   * test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("N9: every value type round-trips, nulls and empty lists included")
  void n09_everyValueTypeRoundTripsWithItsTypeNullsAndEmptyListsIncluded() {
    FeatureView samples = dataset().typeSamples();
    create(samples);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<OnlineRow> rows = new ArrayList<>();
    for (int sample = 1; sample <= 3; sample++) {
      Map<String, Object> values = new java.util.LinkedHashMap<>();
      for (Field feature : samples.features()) {
        values.put(feature.name(), TypeSamples.value(feature.type(), sample));
      }
      rows.add(new OnlineRow(EntityKey.of("sample_id", (long) sample), values, now, now));
    }
    store().write(samples, rows);
    List<OnlineResult> results =
        readAll(
            samples,
            List.of(
                EntityKey.of("sample_id", 1L),
                EntityKey.of("sample_id", 2L),
                EntityKey.of("sample_id", 3L)));
    for (int sample = 1; sample <= 3; sample++) {
      for (Field feature : samples.features()) {
        Object expected = TypeSamples.value(feature.type(), sample);
        assertThat(results.get(sample - 1).features().get(feature.name()))
            .as("sample %s, %s", sample, feature)
            .isEqualTo(FeatureValue.of(expected));
      }
    }
  }

  /**
   * Case N10 (Online equals offline), this test: online equals offline after materialize and
   * materialize-incremental. The rule: After materialize and materialize-incremental, every key
   * reads online as the offline answer at the same instant (and pullLatest over the ttl agrees with
   * retrieval at its end). See N10 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("N10: online equals offline after materialize and materialize-incremental")
  void n10_onlineEqualsOfflineAfterMaterializeAndMaterializeIncremental() {
    Dataset d = dataset();
    List<FeatureView> views =
        List.of(
            d.driverStats(), d.customerProfile(), d.order(), d.globalStats(), d.driverRatings());
    store().update(views, List.of());
    Instant mid = d.hour(36);
    for (FeatureView view : views) {
      store().write(view, materialized(view, d.start(), mid));
    }
    new MaterializationCheck(store(), d, views).check("after materialize [start, mid]", mid);
    for (FeatureView view : views) {
      store().write(view, materialized(view, mid, d.end()));
    }
    new MaterializationCheck(store(), d, views)
        .check("after materialize-incremental [mid, end]", d.end());
  }

  /**
   * Case N11 (TTL and maintenance), this test: a value older than the ttl is OUTSIDE_MAX_AGE (TTL
   * declared). The rule: A store declaring TTL reports values older than the ttl as
   * OUTSIDE_MAX_AGE; one declaring MAINTENANCE deletes them in maintain; one not declaring
   * MAINTENANCE refuses maintain. See N11 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("N11: a value older than the ttl is OUTSIDE_MAX_AGE (TTL declared)")
  void n11_aValueOlderThanTheTtlIsReportedOutsideMaxAge() {
    requires(OnlineCapability.TTL);
    FeatureView stats = dataset().driverStats();
    create(stats);
    writeAgedStats(stats);
    List<OnlineResult> results = readAll(stats, List.of(driver(5001), driver(5002)));
    assertThat(results.get(0).features().values())
        .extracting(FeatureValue::status)
        .containsOnly(FeatureStatus.OUTSIDE_MAX_AGE);
    assertThat(results.get(0).value("trips_today")).isNull();
    assertThat(results.get(1).features().get("trips_today")).isEqualTo(FeatureValue.of(2));
  }

  /**
   * Case N11 (TTL and maintenance), this test: maintenance deletes values older than the ttl
   * (MAINTENANCE declared). The rule: A store declaring TTL reports values older than the ttl as
   * OUTSIDE_MAX_AGE; one declaring MAINTENANCE deletes them in maintain; one not declaring
   * MAINTENANCE refuses maintain. See N11 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("N11: maintenance deletes values older than the ttl (MAINTENANCE declared)")
  void n11_maintenanceDeletesValuesOlderThanTheTtl() {
    requires(OnlineCapability.MAINTENANCE);
    FeatureView stats = dataset().driverStats();
    create(stats);
    writeAgedStats(stats);
    List<MaintenanceReport> reports = store().maintain(List.of(stats));
    assertThat(reports)
        .anySatisfy(
            r -> {
              assertThat(r.view()).isEqualTo(stats.name());
              assertThat(r.expiredRowsDeleted()).isPositive();
            });
    List<OnlineResult> results = readAll(stats, List.of(driver(5001), driver(5002)));
    assertThat(results.get(0).found()).as("the expired value is deleted").isFalse();
    assertThat(results.get(1).value("trips_today")).isEqualTo(2);
  }

  /**
   * Case N11 (TTL and maintenance), this test: maintenance is refused when MAINTENANCE is not
   * declared. The rule: A store declaring TTL reports values older than the ttl as OUTSIDE_MAX_AGE;
   * one declaring MAINTENANCE deletes them in maintain; one not declaring MAINTENANCE refuses
   * maintain. See N11 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("N11: maintenance is refused when MAINTENANCE is not declared")
  void n11_maintenanceIsRejectedWhenUnsupported() {
    requiresNot(OnlineCapability.MAINTENANCE);
    FeatureView view = counters("n11_unsupported");
    create(view);
    assertRefused("N11", OnlineCapability.MAINTENANCE, () -> store().maintain(List.of(view)));
  }

  /** Driver 5001 written 3 h ago, driver 5002 1 h ago; driver_stats' ttl is 2 h. */
  private void writeAgedStats(FeatureView stats) {
    Instant now = Instant.now();
    store()
        .write(
            stats,
            List.of(
                statsRow(5001, now.minus(Duration.ofHours(3)), 1),
                statsRow(5002, now.minus(Duration.ofHours(1)), 2)));
  }

  private static OnlineRow statsRow(long driver, Instant ts, int trips) {
    return row(
        driver(driver),
        ts,
        ts,
        "conv_rate",
        0.5f,
        "trips_today",
        trips,
        "lifetime_trips",
        10L,
        "avg_rating",
        4.0,
        "status",
        "active",
        "recent_ratings",
        List.of(4.5f));
  }

  /**
   * Case N12 (Concurrent writers), this test: concurrent writers and maintenance lose no update
   * (CONCURRENT_WRITERS declared). The rule: Several writers, and maintenance when declared, at
   * once lose no update. See N12 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName(
      "N12: concurrent writers and maintenance lose no update (CONCURRENT_WRITERS declared)")
  void n12_concurrentWritersAndMaintenanceLoseNoUpdate() throws Exception {
    requires(OnlineCapability.CONCURRENT_WRITERS);
    FeatureView view = counters("n12_concurrent");
    create(view);
    int writers = 4;
    int batches = 5;
    List<OnlineRow> all = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int w = 0; w < writers; w++) {
        int writer = w;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int b = 0; b < batches; b++) {
                    List<OnlineRow> batch = new ArrayList<>();
                    for (long d = 5001; d <= 5010; d++) {
                      int minute = (b * writers + writer + (int) d) % 97;
                      batch.add(counter(d, writer * 1000L + b * 10 + d % 10, minute, writer));
                    }
                    batch.add(counter(6000 + writer, b, b, 0));
                    store().write(view, batch);
                    all.addAll(batch);
                  }
                  return null;
                }));
      }
      if (store().capabilities().contains(OnlineCapability.MAINTENANCE)) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < 3; i++) {
                    store().maintain(List.of(view));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    Map<EntityKey, OnlineRow> expected = Oracle.latestOnline(all);
    List<EntityKey> keys = new ArrayList<>(expected.keySet());
    List<OnlineResult> results = readAll(view, keys);
    for (int i = 0; i < keys.size(); i++) {
      assertThat(value(results.get(i)))
          .as("key %s", keys.get(i))
          .isEqualTo(expected.get(keys.get(i)).values().get("value"));
    }
  }

  /**
   * Case N13 (Bulk writes of rows), this test: a bulk write shows every batch afterwards, latest
   * value per key. The rule: writeAll leaves every batch visible with the latest value per key;
   * with ATOMIC_BULK_WRITE, a failure midway leaves the previous values whole and a later bulk
   * write succeeds. See N13 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("N13: a bulk write shows every batch afterwards, latest value per key")
  void n13_aBulkWriteShowsEveryBatchAfterwardsWithTheLatestValuePerKey() {
    FeatureView view = counters("n13_bulk");
    create(view);
    store().write(view, List.of(counter(5001, 1, 10, 10), counter(5004, 40, 10, 10)));
    List<List<OnlineRow>> batches =
        List.of(
            List.of(counter(5001, 2, 20, 20), counter(5002, 20, 20, 20)),
            List.of(counter(5003, 30, 30, 30), counter(5004, 41, 5, 5)), // older: loses
            List.of(counter(5001, 3, 30, 30)));
    store().writeAll(view, batches.iterator());
    assertThat(readAll(view, List.of(driver(5001), driver(5002), driver(5003), driver(5004))))
        .extracting(this::value)
        .containsExactly(3L, 20L, 30L, 40L);
  }

  /**
   * Case N13 (Bulk writes of rows), this test: a bulk write failing midway leaves the previous
   * values whole (ATOMIC_BULK_WRITE declared). The rule: writeAll leaves every batch visible with
   * the latest value per key; with ATOMIC_BULK_WRITE, a failure midway leaves the previous values
   * whole and a later bulk write succeeds. See N13 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName(
      "N13: a bulk write failing midway leaves the previous values whole (ATOMIC_BULK_WRITE declared)")
  void n13_aBulkWriteThatFailsMidwayLeavesThePreviousValuesWhole() {
    requires(OnlineCapability.ATOMIC_BULK_WRITE);
    FeatureView view = counters("n13_atomic");
    create(view);
    store().write(view, List.of(counter(5001, 1, 10, 10), counter(5002, 2, 10, 10)));
    Iterator<List<OnlineRow>> failing =
        new Iterator<>() {
          private int handed;

          @Override
          public boolean hasNext() {
            if (handed == 2) {
              throw new IllegalStateException("the source failed after two batches");
            }
            return true;
          }

          @Override
          public List<OnlineRow> next() {
            handed++;
            return List.of(
                counter(5000 + handed, 100 + handed, 50, 50), counter(6000 + handed, 7, 50, 50));
          }
        };
    assertThatThrownBy(() -> store().writeAll(view, failing))
        .hasMessageContaining("the source failed after two batches");
    List<OnlineResult> after =
        readAll(view, List.of(driver(5001), driver(5002), driver(6001), driver(6002)));
    assertThat(after)
        .extracting(this::value)
        .as("no batch of the failed write is visible")
        .containsExactly(1L, 2L, null, null);
    store().writeAll(view, List.of(List.of(counter(5001, 9, 60, 60))).iterator());
    assertThat(value(readAll(view, List.of(driver(5001))).get(0)))
        .as("a later bulk write succeeds")
        .isEqualTo(9L);
  }

  /** Column batches of counter rows, named as a pull names them; null created: no such column. */
  private static RowBatch counterBatch(boolean withCreated, Object[]... rows) {
    List<Field> columns =
        new ArrayList<>(
            List.of(
                Field.of("driver_id", ValueType.INT64),
                Field.of("value", ValueType.INT64),
                Field.of("label", ValueType.STRING),
                Field.of(OfflineStore.EVENT_TIMESTAMP, ValueType.UNIX_TIMESTAMP)));
    if (withCreated) {
      columns.add(Field.of(OfflineStore.CREATED_TIMESTAMP, ValueType.UNIX_TIMESTAMP));
    }
    List<List<Object>> values = new ArrayList<>();
    for (Object[] row : rows) {
      Long driver = (Long) row[0];
      long value = (Long) row[1];
      List<Object> cells =
          new ArrayList<>(
              Arrays.asList(
                  driver, value, "v" + value, T.minus(Duration.ofMinutes(100 - (Integer) row[2]))));
      if (withCreated) {
        cells.add(T.minus(Duration.ofMinutes(100 - (Integer) row[2])));
      }
      values.add(cells);
    }
    return new RowBatch(columns, values);
  }

  /**
   * Case N14 (Bulk writes of column batches), this test: column batches write as rows do; null join
   * keys left out. The rule: writeBatches writes column batches named as a pull names them: latest
   * per key, null join keys left out, a missing created column allowed; with ATOMIC_BULK_WRITE
   * nothing is visible when the iterator throws. See N14 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("N14: column batches write as rows do; null join keys left out")
  void n14_columnBatchesWriteAsRowsDoLatestPerKeyNullJoinKeysLeftOut() {
    FeatureView view = counters("n14_batches");
    create(view);
    store().write(view, List.of(counter(5001, 1, 10, 10), counter(5004, 40, 10, 10)));
    List<RowBatch> batches =
        List.of(
            counterBatch(
                true,
                new Object[] {5001L, 2L, 20},
                new Object[] {5002L, 20L, 20},
                new Object[] {null, 99L, 90}),
            counterBatch(true, new Object[] {5003L, 30L, 30}, new Object[] {5004L, 41L, 5}),
            counterBatch(true, new Object[] {5001L, 3L, 30}, new Object[] {5003L, 31L, 31}));
    store().writeBatches(view, batches.iterator());
    List<OnlineResult> results =
        readAll(view, List.of(driver(5001), driver(5002), driver(5003), driver(5004)));
    assertThat(results).extracting(this::value).containsExactly(3L, 20L, 31L, 40L);
    assertThat(results.get(2).value("label")).isEqualTo("v31");
    assertThat(results.get(2).eventTimestamp()).isEqualTo(T.minus(Duration.ofMinutes(69)));
    FeatureView noCreated = counters("n14_no_created");
    create(noCreated);
    store()
        .writeBatches(
            noCreated, List.of(counterBatch(false, new Object[] {5001L, 7L, 40})).iterator());
    assertThat(value(readAll(noCreated, List.of(driver(5001))).get(0))).isEqualTo(7L);
  }

  /**
   * Case N14 (Bulk writes of column batches), this test: column batches failing midway leave the
   * previous values whole (ATOMIC_BULK_WRITE declared). The rule: writeBatches writes column
   * batches named as a pull names them: latest per key, null join keys left out, a missing created
   * column allowed; with ATOMIC_BULK_WRITE nothing is visible when the iterator throws. See N14 in
   * test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName(
      "N14: column batches failing midway leave the previous values whole (ATOMIC_BULK_WRITE declared)")
  void n14_columnBatchesThatFailMidwayLeaveThePreviousValuesWhole() {
    requires(OnlineCapability.ATOMIC_BULK_WRITE);
    FeatureView view = counters("n14_atomic");
    create(view);
    store().write(view, List.of(counter(5001, 1, 10, 10)));
    Iterator<RowBatch> failing =
        new Iterator<>() {
          private boolean handed;

          @Override
          public boolean hasNext() {
            if (handed) {
              throw new IllegalStateException("the source failed after one batch");
            }
            return true;
          }

          @Override
          public RowBatch next() {
            handed = true;
            return counterBatch(true, new Object[] {5001L, 100L, 50}, new Object[] {6001L, 7L, 50});
          }
        };
    assertThatThrownBy(() -> store().writeBatches(view, failing))
        .hasMessageContaining("the source failed after one batch");
    assertThat(readAll(view, List.of(driver(5001), driver(6001))))
        .extracting(this::value)
        .as("no row of the failed write is visible")
        .containsExactly(1L, null);
  }

  /** What materialize writes for one view over {@code [start, end]} of the dataset. */
  private List<OnlineRow> materialized(FeatureView view, Instant start, Instant end) {
    return Materialization.onlineRows(
        view,
        Oracle.pullLatest(view, dataset().sourceRows().get(view.source().name()), start, end));
  }
}
