package dev.feast.iceberg.online;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.online.maintenance.TableMaintenance;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.online.MaintenanceReport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Commits landing between a compaction's read and its commit, at the worst moment. */
class CompactionRaceTest extends OnlineStoreFixture {
  private final FeatureView drivers = view("drivers", DRIVER, Duration.ZERO);
  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void anAppendCommittedDuringCompactionIsKeptAndStillWinsAFullTie() {
    IcebergOnlineStore writer = store();
    writer.update(List.of(drivers), List.of());
    writer.write(drivers, List.of(row(driver(1), at(0), at(0), "value", 1L)));
    writer.write(drivers, List.of(row(driver(1), at(0), at(0), "value", 2L)));

    TableMaintenance.compact(
        "drivers",
        table("drivers"),
        null,
        pool,
        () ->
            writer.write(
                drivers,
                List.of(
                    row(driver(1), at(0), at(0), "value", 3L),
                    row(driver(2), at(5), null, "value", 20L))));

    assertThat(table("drivers").currentSnapshot().operation()).isEqualTo(DataOperations.REPLACE);
    for (IcebergOnlineStore reader : List.of(writer, store())) {
      assertThat(MaintenanceTest.values(reader, drivers, 3)).containsExactly(null, 3L, 20L);
    }
  }

  @Test
  void aCompactionThatLosesTheRaceToAnotherIsRetriedFromTheNewSnapshot() {
    IcebergOnlineStore writer = store();
    writer.update(List.of(drivers), List.of());
    for (int batch = 0; batch < 3; batch++) {
      writer.write(drivers, List.of(row(driver(1), at(batch), null, "value", (long) batch)));
    }
    AtomicInteger attempts = new AtomicInteger();
    Table other = table("drivers");

    MaintenanceReport report =
        TableMaintenance.compact(
            "drivers",
            table("drivers"),
            null,
            pool,
            () -> {
              if (attempts.incrementAndGet() == 1) {
                // Another compaction rewrites the same files first: this commit must not apply.
                writer.write(drivers, List.of(row(driver(1), at(9), null, "value", 9L)));
                TableMaintenance.compact("drivers", other, null, pool, () -> {});
                writer.write(drivers, List.of(row(driver(1), at(10), null, "value", 10L)));
              }
            });

    // The first attempt failed validation; the second compacted what the other one left.
    assertThat(attempts.get()).isEqualTo(2);
    assertThat(report.filesRewritten()).isEqualTo(2);
    List<String> operations = new java.util.ArrayList<>();
    table("drivers").snapshots().forEach(s -> operations.add(s.operation()));
    assertThat(operations)
        .containsExactly("append", "append", "append", "append", "replace", "append", "replace");
    assertThat(MaintenanceTest.records(table("drivers"))).hasSize(1);
    assertThat(MaintenanceTest.values(store(), drivers, 2)).containsExactly(null, 10L);
    assertThat(MaintenanceTest.values(writer, drivers, 2)).containsExactly(null, 10L);
  }
}
