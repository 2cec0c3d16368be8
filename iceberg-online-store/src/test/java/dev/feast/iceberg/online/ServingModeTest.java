package dev.feast.iceberg.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.online.FeatureStatus;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.SnapshotChanges;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.transforms.Transforms;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code serving_mode: files}: every read opens only the data files that can hold its keys and no
 * state of the view is built, with, key by key, the answers of the in-memory state: latest (event,
 * created, commit) wins across batches, ties, nulls, ttl in both modes, after compaction and after
 * the store's own write, for every partition strategy.
 */
class ServingModeTest extends OnlineStoreFixture {
  private static final Clock NOW = Clock.fixed(at(300), ZoneOffset.UTC);
  private static final int KEYS = 120;
  private final FeatureView stats =
      FeatureView.builder("stats")
          .entity(DRIVER)
          .feature("value", ValueType.INT64)
          .feature("label", ValueType.STRING)
          .ttl(Duration.ofHours(1))
          .source(IcebergSource.of("raw.stats", "event_timestamp", "created"))
          .build();

  @ParameterizedTest(name = "{0}, ttl_mode {1}")
  @CsvSource({
    "entity_hash, outside_max_age", "entity_hash, absent",
    "timestamp, outside_max_age", "timestamp, absent",
    "hybrid, outside_max_age", "hybrid, absent"
  })
  void filesAnswerEveryKeyAsTheInMemoryStateDoes(String strategy, String ttlMode) {
    IcebergOnlineStore memory = store(config(strategy, 0L, ttlMode), NOW);
    IcebergOnlineStore files =
        store(config(strategy, 0L, ttlMode).withServingMode(ServingMode.FILES), NOW);
    memory.update(List.of(stats), List.of());
    Random random = new Random(strategy.hashCode() * 31L + ttlMode.hashCode());
    for (int batch = 0; batch < 5; batch++) {
      memory.write(stats, batch(random, batch));
    }

    assertThat(assertSameAnswers(memory, files))
        .extracting(r -> r.features().get("value").status())
        .contains(
            FeatureStatus.PRESENT,
            ttlMode.equals("absent") ? FeatureStatus.NOT_FOUND : FeatureStatus.OUTSIDE_MAX_AGE);
    assertThat(files.servesFromMemory("stats")).isFalse();
    assertThat(files.heldState("stats").index()).isNull();
    assertThat(memory.servesFromMemory("stats")).isTrue();

    memory.maintain(List.of(stats));
    assertSameAnswers(memory, files);

    files.write(
        stats,
        List.of(
            row(driver(5), at(299), null, "value", -5L, "label", "own"),
            row(driver(KEYS + 1), at(280), at(9), "value", -1L, "label", null)));
    assertThat(files.read(stats, List.of(driver(5)), List.of("value")).get(0).value("value"))
        .isEqualTo(-5L);
    assertSameAnswers(memory, files);
    assertThat(files.heldState("stats").index()).isNull();
  }

  @Test
  void aLookupOpensOnlyTheFilesOfTheKeysBucket() throws IOException {
    IcebergOnlineStore files =
        store(config("entity_hash", 0L, null).withServingMode(ServingMode.FILES), NOW);
    files.update(List.of(stats), List.of());
    for (int batch = 0; batch < 2; batch++) {
      List<OnlineRow> rows = new ArrayList<>();
      for (long id = 0; id < 40; id++) {
        rows.add(row(driver(id), at(290), at(batch), "value", id * 10 + batch, "label", "b"));
      }
      files.write(stats, rows);
    }
    int bucket = bucketOf(driver(7));
    EntityKey elsewhere = driver(0);
    for (long id = 1; bucketOf(elsewhere) == bucket; id++) {
      elsewhere = driver(id);
    }

    int deleted =
        deleteFiles(table("stats"), file -> !file.partition().get(0, Integer.class).equals(bucket));

    assertThat(deleted).isGreaterThan(2);
    assertThat(files.read(stats, List.of(driver(7)), List.of("value")).get(0).value("value"))
        .isEqualTo(71L);
    EntityKey missing = elsewhere;
    assertThatThrownBy(() -> files.read(stats, List.of(missing), List.of("value")))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void aLookupSkipsTheFilesWhoseKeyBoundsRuleItOut() throws IOException {
    FeatureView customers = view("customers", CUSTOMER, Duration.ZERO);
    IcebergOnlineStore files =
        store(config("timestamp", 0L, null).withServingMode(ServingMode.FILES), NOW);
    files.update(List.of(customers), List.of());
    for (String prefix : List.of("a", "b")) {
      List<OnlineRow> rows = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        rows.add(row(customer(prefix + i), at(200), null, "value", (long) i));
      }
      files.write(customers, rows);
    }
    Table table = table("customers");
    List<String> second = new ArrayList<>();
    SnapshotChanges.builderFor(table)
        .snapshot(table.currentSnapshot())
        .build()
        .addedDataFiles()
        .forEach(file -> second.add(file.location()));

    // Every key of a view shares its first 16 bytes (the serialized join key name): only full
    // bounds tell the files of "a..." from those of "b...".
    deleteFiles(table, file -> second.contains(file.location()));

    assertThat(
            files.read(customers, List.of(customer("a7")), List.of("value")).get(0).value("value"))
        .isEqualTo(7L);
    assertThatThrownBy(() -> files.read(customers, List.of(customer("b7")), List.of("value")))
        .isInstanceOf(RuntimeException.class);
  }

  /**
   * Some of the keys, each with a random event time (older and newer than the ttl cutoff, older and
   * newer than earlier batches), a random or absent created time, and some null labels; the first
   * ten keys tie fully in the last two batches, so the later commit must win.
   */
  private List<OnlineRow> batch(Random random, int batch) {
    List<OnlineRow> rows = new ArrayList<>();
    for (long id = 0; id < KEYS; id++) {
      if (id < 10 && batch >= 3) {
        rows.add(row(driver(id), at(250), at(1), "value", id * 100 + batch, "label", "tie"));
      } else if (random.nextInt(10) < 7) {
        Instant created = random.nextBoolean() ? null : at(random.nextInt(3));
        rows.add(
            row(
                driver(id),
                at(150 + random.nextInt(150)),
                created,
                "value",
                id * 100 + batch,
                "label",
                random.nextInt(10) == 0 ? null : "b" + batch));
      }
    }
    return rows;
  }

  /** Compares the answers for every key, missing and duplicated ones too; returns them. */
  private List<OnlineResult> assertSameAnswers(
      IcebergOnlineStore memory, IcebergOnlineStore files) {
    List<EntityKey> keys = new ArrayList<>();
    for (long id = -3; id < KEYS + 3; id++) {
      keys.add(driver(id));
    }
    Collections.shuffle(keys, new Random(7));
    keys.add(driver(3));
    keys.add(driver(3));
    List<String> features = List.of("label", "value");
    List<OnlineResult> expected = memory.read(stats, keys, features);
    assertThat(expected).extracting(OnlineResult::found).contains(true, false);
    List<OnlineResult> actual = files.read(stats, keys, features);
    for (int i = 0; i < keys.size(); i++) {
      assertThat(actual.get(i)).as("key %s", keys.get(i)).isEqualTo(expected.get(i));
    }
    return expected;
  }

  private static EntityKey customer(String id) {
    return EntityKey.of("customer_id", id);
  }

  private static int bucketOf(EntityKey key) {
    return Transforms.<ByteBuffer>bucket(4)
        .bind(Types.BinaryType.get())
        .apply(ByteBuffer.wrap(key.serialize()));
  }

  /** Deletes the data files the predicate picks from disk, leaving the table's metadata as is. */
  private static int deleteFiles(Table table, java.util.function.Predicate<DataFile> pick)
      throws IOException {
    int deleted = 0;
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        if (pick.test(task.file())) {
          try {
            Files.delete(Path.of(task.file().location().replaceFirst("^file:", "")));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          deleted++;
        }
      }
    }
    return deleted;
  }
}
