package dev.feast.iceberg.online;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.online.serving.RowIndex;
import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.online.FeatureValue;
import dev.feast.iceberg.spi.online.MaintenanceReport;
import dev.feast.iceberg.spi.online.OnlineCapability;
import dev.feast.iceberg.spi.online.OnlineResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** N11 (deletes) and maintenance: compaction, expired rows, snapshot expiry, orphan files. */
class MaintenanceTest extends OnlineStoreFixture {
  private static final Clock NOW = Clock.fixed(at(120), ZoneOffset.UTC);
  private final FeatureView drivers = view("drivers", DRIVER, Duration.ZERO);
  private final FeatureView hourly = view("hourly", DRIVER, Duration.ofHours(1));

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"entity_hash", "timestamp", "hybrid"})
  void compactionLeavesOneRowPerKeyInOneSortedFilePerPartition(String strategy) throws Exception {
    IcebergOnlineStore store = store(config(strategy, 3_600_000L, null), NOW);
    store.update(List.of(drivers), List.of());
    for (int batch = 0; batch < 4; batch++) {
      List<dev.feast.iceberg.spi.online.OnlineRow> rows = new ArrayList<>();
      for (long id = 0; id < 20; id++) {
        // Batch 2 is the newest for every key; batch 3 arrives late with older values.
        int minute = batch == 3 ? -10 : batch;
        rows.add(row(driver(id), at(minute), null, "value", id * 10 + batch));
      }
      store.write(drivers, rows);
    }
    List<Object> before = values(store, drivers, 20);

    List<MaintenanceReport> reports = store.maintain(List.of(drivers));

    assertThat(store.capabilities()).contains(OnlineCapability.MAINTENANCE);
    Table table = table("drivers");
    assertThat(table.currentSnapshot().operation()).isEqualTo(DataOperations.REPLACE);
    assertThat(reports)
        .singleElement()
        .satisfies(
            report -> {
              assertThat(report.view()).isEqualTo("drivers");
              assertThat(report.filesWritten()).isPositive().isLessThan(report.filesRewritten());
              assertThat(report.expiredRowsDeleted()).isZero();
            });
    List<Record> records = records(table);
    assertThat(records).hasSize(20);
    assertThat(records)
        .extracting(r -> r.getField("value"))
        .containsExactlyInAnyOrderElementsOf(before);
    List<String> partitions = new ArrayList<>();
    for (DataFile file : files(table)) {
      partitions.add(file.partition().toString());
      assertThat(sortedByKey(table, file)).isTrue();
    }
    assertThat(partitions).doesNotHaveDuplicates();
    assertThat(values(store, drivers, 20)).isEqualTo(before);
    assertThat(values(store(), drivers, 20)).isEqualTo(before);
  }

  @Test
  void aFullTieKeepsTheLaterCommitThroughCompaction() {
    IcebergOnlineStore store = store();
    store.update(List.of(drivers), List.of());
    store.write(drivers, List.of(row(driver(1), at(0), at(1), "value", 1L)));
    store.write(drivers, List.of(row(driver(1), at(0), at(1), "value", 2L)));

    store.maintain(List.of(drivers));
    store.write(drivers, List.of(row(driver(1), at(0), at(1), "value", 3L)));

    assertThat(values(store, drivers, 2).get(1)).isEqualTo(3L);
    assertThat(values(store(), drivers, 2).get(1)).isEqualTo(3L);
    store.maintain(List.of(drivers));
    assertThat(values(store(), drivers, 2).get(1)).isEqualTo(3L);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"entity_hash", "timestamp", "hybrid"})
  void n11MaintenanceDeletesKeysWhoseLatestValueIsPastTheTtl(String strategy) {
    IcebergOnlineStore store = store(config(strategy, 3_600_000L, null), NOW);
    store.update(List.of(hourly), List.of());
    store.write(
        hourly,
        List.of(
            row(driver(1), at(10), null, "value", 1L),
            row(driver(2), at(20), null, "value", 2L),
            row(driver(3), at(119), null, "value", 3L)));
    // Key 2 has a fresh value too: only its old row goes.
    store.write(hourly, List.of(row(driver(2), at(100), null, "value", 22L)));
    IcebergOnlineStore follower = store(config(strategy, 3_600_000L, null), NOW);
    RowIndex followed =
        follower.heldState("hourly") == null ? null : follower.heldState("hourly").index();
    assertThat(
            follower
                .read(hourly, List.of(driver(1)), List.of("value"))
                .get(0)
                .features()
                .get("value")
                .status()
                .name())
        .isEqualTo("OUTSIDE_MAX_AGE");
    followed = follower.heldState("hourly").index();

    MaintenanceReport report = store.maintain(List.of(hourly)).get(0);
    follower.refresh();

    assertThat(report.expiredRowsDeleted()).isEqualTo(1);
    assertThat(records(table("hourly")))
        .extracting(r -> r.getField("value"))
        .containsExactlyInAnyOrder(22L, 3L);
    for (IcebergOnlineStore reader :
        List.of(store, follower, store(config(strategy, 0L, null), NOW))) {
      List<OnlineResult> results =
          reader.read(hourly, List.of(driver(1), driver(2), driver(3)), List.of("value"));
      assertThat(results.get(0).found()).isFalse();
      assertThat(results.get(0).features().get("value")).isEqualTo(FeatureValue.NOT_FOUND);
      assertThat(results.get(1).value("value")).isEqualTo(22L);
      assertThat(results.get(2).value("value")).isEqualTo(3L);
    }
    // The follower applied the compaction without reading the table again.
    assertThat(follower.heldState("hourly").index()).isSameAs(followed);
  }

  @Test
  void oldSnapshotsExpireAndOrphanFilesAreDeleted() throws IOException {
    IcebergOnlineStore store = storeCleaningUpAtOnce();
    for (int batch = 0; batch < 3; batch++) {
      store.write(
          drivers,
          List.of(
              row(driver(batch), at(batch), null, "value", (long) batch),
              row(driver(7), at(batch), null, "value", 70L + batch)));
    }
    Table table = table("drivers");
    Path data = Path.of(table.location().replaceFirst("^file:", ""), "data");
    Path orphan = Files.writeString(data.resolve("orphan-from-a-failed-write.parquet"), "x");
    Path unrelated = Files.writeString(data.resolve("notes.txt"), "kept: not a table file");

    MaintenanceReport report = store.maintain(List.of(drivers)).get(0);

    table.refresh();
    // Three appends and the compaction: all but the current one expire.
    assertThat(report.snapshotsExpired()).isEqualTo(3);
    assertThat(table.snapshots()).hasSize(1);
    assertThat(orphan).doesNotExist();
    assertThat(unrelated).exists();
    try (Stream<Path> left = Files.walk(data)) {
      List<String> parquet = left.map(Path::toString).filter(p -> p.endsWith(".parquet")).toList();
      assertThat(parquet).hasSameSizeAs(files(table));
    }
    assertThat(values(store(), drivers, 8))
        .containsExactly(0L, 1L, 2L, null, null, null, null, 72L);
  }

  @Test
  void maintainingAViewWithNothingToDoChangesNothing() {
    IcebergOnlineStore store = store();
    store.update(List.of(drivers), List.of());
    store.write(drivers, List.of(row(driver(1), at(0), null, "value", 1L)));
    long snapshot = table("drivers").currentSnapshot().snapshotId();

    MaintenanceReport report = store.maintain(List.of(drivers)).get(0);

    assertThat(report)
        .isEqualTo(
            new MaintenanceReport("drivers", 0, 0, 0, 0, List.of("nothing needed compaction")));
    assertThat(table("drivers").currentSnapshot().snapshotId()).isEqualTo(snapshot);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"entity_hash", "timestamp", "hybrid"})
  void aSecondRunRightAfterTheFirstCommitsNothing(String strategy) {
    // A ttl (files are checked for expired rows) and events over several hour partitions.
    FeatureView daily = view("daily", DRIVER, Duration.ofDays(1));
    IcebergOnlineStore store = store(config(strategy, 3_600_000L, null), NOW);
    store.update(List.of(daily), List.of());
    for (int batch = 0; batch < 3; batch++) {
      List<dev.feast.iceberg.spi.online.OnlineRow> rows = new ArrayList<>();
      for (long id = 0; id < 12; id++) {
        rows.add(row(driver(id), at(-60 * (int) (id % 4) + batch), null, "value", id * 10 + batch));
      }
      store.write(daily, rows);
    }
    MaintenanceReport first = store.maintain(List.of(daily)).get(0);
    Table table = table("daily");
    long compacted = table.currentSnapshot().snapshotId();
    int snapshots = snapshotCount(table);

    MaintenanceReport second = store.maintain(List.of(daily)).get(0);

    assertThat(first.filesRewritten()).isPositive();
    assertThat(first.notes()).isEmpty();
    assertThat(second)
        .isEqualTo(
            new MaintenanceReport("daily", 0, 0, 0, 0, List.of("nothing needed compaction")));
    table.refresh();
    assertThat(table.currentSnapshot().snapshotId()).isEqualTo(compacted);
    assertThat(table.snapshots()).hasSize(snapshots);
    assertThat(values(store(config(strategy, 0L, null), NOW), daily, 12))
        .containsExactly(2L, 12L, 22L, 32L, 42L, 52L, 62L, 72L, 82L, 92L, 102L, 112L);
    // A later write makes its key bucket (its time partition for timestamp) worth compacting.
    store.write(daily, List.of(row(driver(5), at(30), null, "value", 555L)));
    MaintenanceReport third = store.maintain(List.of(daily)).get(0);
    assertThat(third.filesRewritten()).isPositive();
    assertThat(third.notes()).isEmpty();
    assertThat(values(store(config(strategy, 0L, null), NOW), daily, 12).get(5)).isEqualTo(555L);
  }

  @Test
  void aTableWithGcDisabledIsCompactedAndKeepsItsSnapshotsAndFiles() throws IOException {
    IcebergOnlineStore store = storeCleaningUpAtOnce();
    for (int batch = 0; batch < 3; batch++) {
      store.write(drivers, List.of(row(driver(7), at(batch), null, "value", 70L + batch)));
    }
    Table table = table("drivers");
    // As some REST catalogs set it on every table they create.
    table.updateProperties().set("gc.enabled", "false").commit();
    int snapshots = snapshotCount(table);
    Path data = Path.of(table.location().replaceFirst("^file:", ""), "data");
    Path unreferenced = Files.writeString(data.resolve("unreferenced.parquet"), "x");

    MaintenanceReport report = store.maintain(List.of(drivers)).get(0);

    assertThat(report.filesRewritten()).isEqualTo(3);
    assertThat(report.filesWritten()).isEqualTo(1);
    assertThat(report.snapshotsExpired()).isZero();
    assertThat(report.notes())
        .containsExactly("snapshot expiry and orphan removal skipped: table has gc.enabled=false");
    table.refresh();
    assertThat(table.currentSnapshot().operation()).isEqualTo(DataOperations.REPLACE);
    assertThat(table.snapshots()).hasSize(snapshots + 1);
    assertThat(unreferenced).exists();
    assertThat(values(store(), drivers, 8).get(7)).isEqualTo(72L);
  }

  static List<Object> values(IcebergOnlineStore store, FeatureView view, int keys) {
    List<EntityKey> asked = new ArrayList<>();
    for (long id = 0; id < keys; id++) {
      asked.add(driver(id));
    }
    return store.read(view, asked, List.of("value")).stream().map(r -> r.value("value")).toList();
  }

  /** A store on {@code drivers} that expires snapshots and deletes orphans of any age. */
  private IcebergOnlineStore storeCleaningUpAtOnce() {
    IcebergOnlineStore store =
        store(
            config("entity_hash", 3_600_000L, null).withMaintenance(null, 0L, 0L),
            Clock.systemUTC());
    store.update(List.of(drivers), List.of());
    return store;
  }

  static int snapshotCount(Table table) {
    List<Snapshot> snapshots = new ArrayList<>();
    table.snapshots().forEach(snapshots::add);
    return snapshots.size();
  }

  static List<Record> records(Table table) {
    List<Record> records = new ArrayList<>();
    try (CloseableIterable<Record> read = IcebergGenerics.read(table).build()) {
      read.forEach(records::add);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return records;
  }

  static List<DataFile> files(Table table) {
    List<DataFile> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(task -> files.add(task.file()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return files;
  }

  private static boolean sortedByKey(Table table, DataFile file) throws IOException {
    List<String> keys = new ArrayList<>();
    try (CloseableIterable<Record> rows =
        org.apache.iceberg.parquet.Parquet.read(table.io().newInputFile(file))
            .project(table.schema())
            .createReaderFunc(
                s ->
                    org.apache.iceberg.data.parquet.GenericParquetReaders.buildReader(
                        table.schema(), s))
            .build()) {
      for (Record row : rows) {
        ByteBuffer key = ((ByteBuffer) row.getField("entity_key")).duplicate();
        byte[] bytes = new byte[key.remaining()];
        key.get(bytes);
        keys.add(HexFormat.of().formatHex(bytes));
      }
    }
    return keys.equals(keys.stream().sorted().toList());
  }
}
