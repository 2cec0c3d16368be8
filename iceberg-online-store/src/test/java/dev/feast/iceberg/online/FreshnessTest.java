package dev.feast.iceberg.online;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.online.serving.RowIndex;
import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.online.OnlineCapability;
import dev.feast.iceberg.spi.online.OnlineResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotChanges;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;
import org.junit.jupiter.api.Test;

/** How a store follows writes of other store instances, and deletes made by other tools. */
class FreshnessTest extends OnlineStoreFixture {
  private final FeatureView drivers = view("drivers", DRIVER, Duration.ZERO);

  @Test
  void aSecondStoreSeesTheFirstStoresWritesAfterRefresh() {
    IcebergOnlineStore writer = store();
    IcebergOnlineStore reader = store();
    writer.update(List.of(drivers), List.of());
    writer.write(drivers, List.of(row(driver(1), at(0), null, "value", 1L)));
    assertThat(value(reader, 1)).isEqualTo(1L);

    writer.write(drivers, List.of(row(driver(1), at(5), null, "value", 2L)));
    writer.write(drivers, List.of(row(driver(2), at(5), null, "value", 3L)));

    // Within the refresh interval the reader serves what it holds, without asking the catalog.
    assertThat(value(reader, 1)).isEqualTo(1L);
    reader.refresh();
    assertThat(value(reader, 1)).isEqualTo(2L);
    assertThat(value(reader, 2)).isEqualTo(3L);
  }

  @Test
  void withARefreshIntervalOfZeroEveryReadChecksForNewSnapshots() {
    IcebergOnlineStore writer = store();
    IcebergOnlineStore reader = store(config("entity_hash", 0L, null), Clock.systemUTC());
    writer.update(List.of(drivers), List.of());
    assertThat(reader.read(drivers, List.of(driver(1)), List.of("value")).get(0).found()).isFalse();

    writer.write(drivers, List.of(row(driver(1), at(0), null, "value", 1L)));
    assertThat(value(reader, 1)).isEqualTo(1L);
    // An older write from elsewhere, applied incrementally, does not replace the newer value.
    writer.write(drivers, List.of(row(driver(1), at(-5), null, "value", 0L)));
    assertThat(value(reader, 1)).isEqualTo(1L);
  }

  @Test
  void appendsAreAppliedOnTopOfTheStateAndOtherSnapshotsRebuildIt() {
    IcebergOnlineStore writer = store();
    IcebergOnlineStore reader = store();
    writer.update(List.of(drivers), List.of());
    writer.write(drivers, List.of(row(driver(1), at(0), null, "value", 1L)));
    assertThat(value(reader, 1)).isEqualTo(1L);
    RowIndex built = reader.heldState("drivers").index();
    RowIndex written = writer.heldState("drivers").index();

    writer.write(drivers, List.of(row(driver(2), at(0), null, "value", 2L)));
    writer.write(drivers, List.of(row(driver(3), at(0), null, "value", 3L)));
    reader.refresh();

    assertThat(value(reader, 3)).isEqualTo(3L);
    assertThat(reader.heldState("drivers").index()).isSameAs(built);
    assertThat(writer.heldState("drivers").index()).isSameAs(written);
    assertThat(built.size()).isEqualTo(3);

    table("drivers").newOverwrite().overwriteByRowFilter(Expressions.alwaysTrue()).commit();
    reader.refresh();

    assertThat(reader.heldState("drivers").index()).isNotSameAs(built);
    assertThat(value(reader, 1)).isNull();
  }

  @Test
  void aSnapshotThatDeletesFilesRebuildsTheState() {
    IcebergOnlineStore store = store();
    store.update(List.of(drivers), List.of());
    store.write(drivers, List.of(row(driver(1), at(0), null, "value", 1L)));
    store.write(drivers, List.of(row(driver(2), at(0), null, "value", 2L)));
    assertThat(value(store, 2)).isEqualTo(2L);

    Table table = table("drivers");
    var delete = table.newDelete();
    for (DataFile file :
        SnapshotChanges.builderFor(table)
            .snapshot(table.currentSnapshot())
            .build()
            .addedDataFiles()) {
      delete.deleteFile(file);
    }
    delete.commit();
    store.refresh();

    assertThat(value(store, 1)).isEqualTo(1L);
    assertThat(value(store, 2)).isNull();
  }

  @Test
  void aRollbackRebuildsTheStateFromTheOlderSnapshot() {
    IcebergOnlineStore store = store();
    store.update(List.of(drivers), List.of());
    store.write(drivers, List.of(row(driver(1), at(0), null, "value", 1L)));
    Snapshot first = table("drivers").currentSnapshot();
    store.write(drivers, List.of(row(driver(1), at(9), null, "value", 9L)));
    assertThat(value(store, 1)).isEqualTo(9L);

    table("drivers").manageSnapshots().rollbackTo(first.snapshotId()).commit();
    store.refresh();

    assertThat(value(store, 1)).isEqualTo(1L);
  }

  @Test
  void concurrentWritersThroughSeparateStoresLoseNoUpdate() throws Exception {
    store().update(List.of(drivers), List.of());
    assertThat(store().capabilities()).contains(OnlineCapability.CONCURRENT_WRITERS);
    int writers = 4;
    int commits = 5;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      IcebergOnlineStore store = store();
      done.add(
          pool.submit(
              () -> {
                for (int c = 0; c < commits; c++) {
                  long n = writer * commits + c;
                  // Each writer has its own key and all share key 0: the greatest event time must
                  // win.
                  store.write(
                      drivers,
                      List.of(
                          row(driver(100 + n), at(c), null, "value", n),
                          row(driver(0), at((int) n), null, "value", n)));
                }
              }));
    }
    pool.shutdown();
    for (Future<?> future : done) {
      future.get(120, TimeUnit.SECONDS);
    }
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    IcebergOnlineStore reader = store();
    List<EntityKey> keys = new ArrayList<>();
    for (long n = 0; n < writers * commits; n++) {
      keys.add(driver(100 + n));
    }
    List<OnlineResult> results = reader.read(drivers, keys, List.of("value"));
    assertThat(results)
        .extracting(r -> r.value("value"))
        .containsExactlyElementsOf(
            keys.stream()
                .map(k -> (Long) k.get("driver_id") - 100)
                .map(Object.class::cast)
                .toList());
    assertThat(value(reader, 0)).isEqualTo((long) writers * commits - 1);
    assertThat(table("drivers").snapshots()).hasSize(writers * commits);
  }

  private static Object value(IcebergOnlineStore store, long driver) {
    return store
        .read(view("drivers", DRIVER, Duration.ZERO), List.of(driver(driver)), List.of("value"))
        .get(0)
        .value("value");
  }
}
