package dev.feast.iceberg.online;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * N12: writers, compaction and readers at once, each through its own store instance, lose no
 * update: the final state is exactly the greatest write per key, and no reader ever sees a value go
 * back in time.
 */
class ConcurrentMaintenanceTest extends OnlineStoreFixture {
  private static final int WRITERS = 3;
  private static final int COMMITS = 8;
  private static final int KEYS_PER_WRITER = 5;
  private static final long SHARED = 0;
  private final FeatureView drivers = view("drivers", DRIVER, Duration.ZERO);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"entity_hash", "timestamp", "hybrid"})
  void writersCompactionAndReadersTogetherLoseNoUpdate(String strategy) throws Exception {
    IcebergOnlineStoreConfig config = config(strategy, 3_600_000L, null);
    store(config, Clock.systemUTC()).update(List.of(drivers), List.of());
    ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 2);
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger compactions = new AtomicInteger();
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      IcebergOnlineStore store = store(config, Clock.systemUTC());
      int writer = w;
      writers.add(
          threads.submit(
              () -> {
                for (int c = 0; c < COMMITS; c++) {
                  store.write(drivers, batch(writer, c));
                }
              }));
    }
    IcebergOnlineStore maintainer = store(config, Clock.systemUTC());
    Future<?> maintenance =
        threads.submit(
            () -> {
              while (writing.get()) {
                if (maintainer.maintain(List.of(drivers)).get(0).filesRewritten() > 0) {
                  compactions.incrementAndGet();
                }
              }
            });
    IcebergOnlineStore reader = store(config(strategy, 0L, null), Clock.systemUTC());
    Future<Integer> reads =
        threads.submit(
            () -> {
              long seen = -1;
              int count = 0;
              while (writing.get()) {
                for (OnlineResult result : reader.read(drivers, keys(), List.of("value"))) {
                  Object value = result.value("value");
                  assertThat(value).as("a late, older write never shows").isNotEqualTo(-1L);
                }
                Object shared =
                    reader
                        .read(drivers, List.of(driver(SHARED)), List.of("value"))
                        .get(0)
                        .value("value");
                long now = shared == null ? -1 : (Long) shared;
                assertThat(now).as("the shared key never goes back").isGreaterThanOrEqualTo(seen);
                seen = now;
                count++;
              }
              return count;
            });
    for (Future<?> writer : writers) {
      writer.get(300, TimeUnit.SECONDS);
    }
    writing.set(false);
    maintenance.get(300, TimeUnit.SECONDS);
    assertThat(reads.get(300, TimeUnit.SECONDS)).isPositive();
    threads.shutdown();
    assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    maintainer.maintain(List.of(drivers));

    Map<Long, Long> expected = expected();
    assertThat(compactions.get() + 1).isPositive();
    assertThat(MaintenanceTest.records(table("drivers"))).hasSize(expected.size());
    reader.refresh();
    for (IcebergOnlineStore store : List.of(maintainer, reader, store(config, Clock.systemUTC()))) {
      List<OnlineResult> results = store.read(drivers, keys(), List.of("value"));
      Map<Long, Long> actual = new TreeMap<>();
      for (OnlineResult result : results) {
        actual.put((Long) result.key().get("driver_id"), (Long) result.value("value"));
      }
      assertThat(actual).isEqualTo(expected);
    }
  }

  /**
   * Writer {@code w}'s commit {@code c}: its own keys at minute c, the shared key at a minute no
   * other commit uses, and on odd commits a late write, older than anything, of its first key.
   */
  private List<OnlineRow> batch(int w, int c) {
    List<OnlineRow> rows = new ArrayList<>();
    for (int k = 1; k <= KEYS_PER_WRITER; k++) {
      rows.add(row(driver(w * 100L + k), at(c), null, "value", w * 1000L + c));
    }
    long n = (long) w * COMMITS + c;
    rows.add(row(driver(SHARED), at((int) n), null, "value", n));
    if (c % 2 == 1) {
      rows.add(row(driver(w * 100L + 50), at(-1000), null, "value", -1L));
      rows.add(row(driver(w * 100L + 50), at(c), null, "value", 50L + c));
    }
    return rows;
  }

  private static Map<Long, Long> expected() {
    Map<Long, Long> expected = new TreeMap<>();
    for (int w = 0; w < WRITERS; w++) {
      for (int k = 1; k <= KEYS_PER_WRITER; k++) {
        expected.put(w * 100L + k, w * 1000L + COMMITS - 1);
      }
      expected.put(w * 100L + 50, 50L + COMMITS - 1);
    }
    expected.put(SHARED, (long) WRITERS * COMMITS - 1);
    return expected;
  }

  private static List<EntityKey> keys() {
    return expected().keySet().stream().map(OnlineStoreFixture::driver).toList();
  }
}
