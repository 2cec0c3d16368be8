package dev.feast.iceberg.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.online.MaintenanceReport;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;

/** writeAll: the batches of a materialization in one commit, or none of them. */
class BulkWriteTest extends OnlineStoreFixture {

  private static OnlineRow trips(long driver, int minute, int trips) {
    return row(driver(driver), at(minute), null, "conv_rate", 0.5f, "trips", trips, "rating", 1.0);
  }

  @Test
  void theBatchesOfABulkWriteAreOneCommitAndAHeldServingStateSeesThemAtItsNextRead() {
    IcebergOnlineStore store = store(); // refreshes only for its own writes
    FeatureView view = driverStats();
    store.update(List.of(view), List.of());
    store.write(view, List.of(trips(1, 0, 10)));
    assertThat(store.read(view, List.of(driver(1)), List.of("trips")).get(0).value("trips"))
        .isEqualTo(10);
    int snapshots = snapshots(table(view.name()));

    store.writeAll(
        view,
        List.of(
                List.of(trips(1, 5, 11), trips(2, 5, 20)),
                List.of(trips(3, 5, 30)),
                List.of(trips(4, 5, 40)))
            .iterator());

    assertThat(snapshots(table(view.name()))).isEqualTo(snapshots + 1);
    List<OnlineResult> results =
        store.read(view, List.of(driver(1), driver(2), driver(3), driver(4)), List.of("trips"));
    assertThat(results).extracting(r -> r.value("trips")).containsExactly(11, 20, 30, 40);
  }

  @Test
  void aBulkWriteThatFailsMidwayCommitsNothingAndDeletesTheFilesItWrote() {
    IcebergOnlineStore store = store();
    FeatureView view = driverStats();
    store.update(List.of(view), List.of());
    store.write(view, List.of(trips(1, 0, 10)));
    Table table = table(view.name());
    int snapshots = snapshots(table);
    List<Path> files = dataFiles(table);

    Iterator<List<OnlineRow>> failing =
        Stream.iterate(1, i -> i + 1)
            .map(
                i -> {
                  if (i == 3) {
                    throw new IllegalStateException("the pull failed at batch 3");
                  }
                  return List.of(trips(1, i, 100 + i), trips(10 + i, i, i));
                })
            .iterator();
    assertThatThrownBy(() -> store.writeAll(view, failing))
        .hasMessage("the pull failed at batch 3");

    table.refresh();
    assertThat(snapshots(table)).as("no commit").isEqualTo(snapshots);
    assertThat(dataFiles(table)).as("the written files are deleted").isEqualTo(files);
    assertThat(
            store(config("entity_hash", 0L, null), java.time.Clock.systemUTC())
                .read(view, List.of(driver(1), driver(11)), List.of("trips")))
        .extracting(r -> r.value("trips"))
        .containsExactly(10, null);
  }

  @Test
  void maintenanceMergesTheFilesOfOneBulkWriteOnceAndThenLeavesThem() {
    IcebergOnlineStore store = store();
    FeatureView view = driverStats();
    store.update(List.of(view), List.of());
    // One commit, a data file per batch and key bucket: several small files in each bucket.
    List<List<OnlineRow>> batches = new ArrayList<>();
    for (int batch = 0; batch < 4; batch++) {
      batches.add(
          List.of(
              trips(1, batch, batch), trips(2, batch, 10 + batch), trips(3, batch, 20 + batch)));
    }
    store.writeAll(view, batches.iterator());
    int files = dataFiles(table(view.name())).size();

    MaintenanceReport first = store.maintain(List.of(view)).get(0);
    MaintenanceReport second = store.maintain(List.of(view)).get(0);

    assertThat(files).isGreaterThan(3);
    assertThat(first.filesRewritten()).isEqualTo(files);
    assertThat(first.filesWritten()).isLessThan(files);
    assertThat(second.filesRewritten()).isZero();
    assertThat(second.notes()).containsExactly("nothing needed compaction");
    assertThat(store.read(view, List.of(driver(1), driver(2), driver(3)), List.of("trips")))
        .extracting(r -> r.value("trips"))
        .containsExactly(3, 13, 23);
  }

  private static int snapshots(Table table) {
    table.refresh();
    int count = 0;
    for (var ignored : table.snapshots()) {
      count++;
    }
    return count;
  }

  private static List<Path> dataFiles(Table table) {
    Path data =
        Path.of(
                URI.create(
                    table.location().startsWith("file:")
                        ? table.location()
                        : "file://" + table.location()))
            .resolve("data");
    try (Stream<Path> walk = Files.walk(data)) {
      return walk.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
