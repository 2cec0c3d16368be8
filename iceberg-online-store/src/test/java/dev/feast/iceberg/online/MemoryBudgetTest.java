package dev.feast.iceberg.online;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Past its serving limits a view is read from its data files, with the same answers as from memory:
 * latest wins, ties, nulls, missing and duplicated keys, ttl statuses, after compaction.
 */
class MemoryBudgetTest extends OnlineStoreFixture {
  private static final Clock NOW = Clock.fixed(at(120), ZoneOffset.UTC);
  private final FeatureView stats =
      FeatureView.builder("stats")
          .entity(DRIVER)
          .feature("value", ValueType.INT64)
          .feature("label", ValueType.STRING)
          .ttl(Duration.ofHours(1))
          .source(IcebergSource.of("raw.stats", "event_timestamp"))
          .build();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"entity_hash", "timestamp", "hybrid"})
  void pastMaxKeysReadsComeFromFilesWithTheSameAnswers(String strategy) {
    IcebergOnlineStore memory = store(config(strategy, 0L, null), NOW);
    IcebergOnlineStore files = store(config(strategy, 0L, null).withServingLimits(null, 3L), NOW);
    memory.update(List.of(stats), List.of());
    for (int batch = 0; batch < 3; batch++) {
      List<OnlineRow> rows = new ArrayList<>();
      for (long id = 0; id < 40; id++) {
        int minute = (int) (id % 7) * 20 + batch * (batch == 2 ? -30 : 1);
        rows.add(
            row(
                driver(id),
                at(minute),
                at(batch),
                "value",
                id * 10 + batch,
                "label",
                id % 5 == 0 ? null : "d" + id + "b" + batch));
      }
      memory.write(stats, rows);
    }
    // A full tie: the later commit wins, from files too.
    memory.write(stats, List.of(row(driver(3), at(70), at(0), "value", 999L, "label", "tie")));
    memory.write(stats, List.of(row(driver(3), at(70), at(0), "value", 1000L, "label", "tie2")));

    assertSameAnswers(memory, files);
    assertThat(files.read(stats, List.of(driver(3)), List.of("value")).get(0).value("value"))
        .isEqualTo(1000L);
    assertThat(files.servesFromMemory("stats")).isFalse();
    assertThat(memory.servesFromMemory("stats")).isTrue();

    memory.maintain(List.of(stats));
    assertSameAnswers(memory, files);

    files.write(stats, List.of(row(driver(41), at(119), null, "value", 41L, "label", "own")));
    assertThat(files.read(stats, List.of(driver(41)), List.of("value")).get(0).value("value"))
        .isEqualTo(41L);
    assertSameAnswers(memory, files);
  }

  @Test
  void pastTheMemoryBudgetTheViewIsServedFromFiles() {
    IcebergOnlineStore memory = store(config("entity_hash", 0L, null), NOW);
    IcebergOnlineStore files =
        store(config("entity_hash", 0L, null).withServingLimits(1L, null), NOW);
    memory.update(List.of(stats), List.of());
    List<OnlineRow> rows = new ArrayList<>();
    String padding = "x".repeat(200);
    for (long id = 0; id < 8_000; id++) {
      rows.add(row(driver(id), at(100), null, "value", id, "label", padding + id));
    }
    memory.write(stats, rows);

    List<EntityKey> keys = List.of(driver(0), driver(7_999), driver(123_456), driver(4_321));
    assertThat(files.read(stats, keys, List.of("label", "value")))
        .isEqualTo(memory.read(stats, keys, List.of("label", "value")));
    assertThat(files.servesFromMemory("stats")).isFalse();
  }

  private void assertSameAnswers(IcebergOnlineStore memory, IcebergOnlineStore files) {
    List<EntityKey> keys = new ArrayList<>();
    for (long id = 45; id >= 0; id--) {
      keys.add(driver(id));
    }
    keys.add(driver(3));
    keys.add(EntityKey.of("driver_id", 99_999L));
    List<OnlineResult> expected = memory.read(stats, keys, List.of("label", "value"));
    assertThat(expected).extracting(OnlineResult::found).contains(true, false);
    assertThat(files.read(stats, keys, List.of("label", "value"))).isEqualTo(expected);
  }
}
