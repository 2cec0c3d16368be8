package dev.feast.iceberg.testsuite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.annotation.Evolving;
import dev.feast.iceberg.spi.online.FeatureStatus;
import dev.feast.iceberg.spi.online.FeatureValue;
import dev.feast.iceberg.spi.online.MaintenanceReport;
import dev.feast.iceberg.spi.online.OnlineCapability;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Cases N10–N12 of {@code test-suite/CONTRACT.md}: online equals offline after materialization, ttl
 * and maintenance, concurrent writers. Part of {@link OnlineStoreConformance}, which a store's test
 * extends.
 */
@Evolving
public abstract class OnlineLifecycleConformance extends OnlineReadWriteConformance {
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
}
