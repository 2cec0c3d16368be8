package dev.feast.iceberg.online;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.FeatureView;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;

/** maintenance_interval_ms runs maintenance on a daemon thread that close() stops. */
class ScheduledMaintenanceTest extends OnlineStoreFixture {
  private final FeatureView drivers = view("drivers", DRIVER, Duration.ZERO);

  @Test
  void aScheduledRunCompactsTheViewsTheStoreServesAndCloseStopsEveryThread() throws Exception {
    IcebergOnlineStore store =
        store(
            config("entity_hash", 3_600_000L, null).withMaintenance(100L, null, null),
            Clock.systemUTC());
    store.update(List.of(drivers), List.of());
    for (int batch = 0; batch < 3; batch++) {
      store.write(drivers, List.of(row(driver(1), at(batch), null, "value", (long) batch)));
    }
    assertThat(storeThreads()).isNotEmpty();

    Table table = table("drivers");
    for (int wait = 0; wait < 600 && !compacted(table); wait++) {
      Thread.sleep(50);
    }
    assertThat(compacted(table)).as("compacted by the schedule").isTrue();
    assertThat(MaintenanceTest.records(table)).hasSize(1);
    assertThat(MaintenanceTest.values(store, drivers, 2)).containsExactly(null, 2L);

    store.close();
    assertThat(storeThreads()).isEmpty();
  }

  @Test
  void withoutAScheduleNoMaintenanceThreadRuns() {
    IcebergOnlineStore store = store();
    store.update(List.of(drivers), List.of());
    store.write(drivers, List.of(row(driver(1), at(0), null, "value", 1L)));

    assertThat(storeThreads()).noneMatch(name -> name.contains("maintenance"));
    store.close();
    assertThat(storeThreads()).isEmpty();
  }

  /** Compacted after the last write: a rewrite may also have run between two writes. */
  private static boolean compacted(Table table) {
    table.refresh();
    return DataOperations.REPLACE.equals(table.currentSnapshot().operation())
        && MaintenanceTest.files(table).size() == 1;
  }

  private static List<String> storeThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("feast-online-"))
        .toList();
  }
}
