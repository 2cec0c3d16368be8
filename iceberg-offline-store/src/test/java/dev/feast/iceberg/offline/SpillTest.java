package dev.feast.iceberg.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.ViewSelection;
import dev.feast.iceberg.testsuite.Oracle;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A retrieval larger than DuckDB's memory_limit spills to the temp directory and still gives the
 * oracle's answer.
 */
class SpillTest extends StoreTestBase {
  private static final int DRIVERS = 5_000;
  private static final int HOURS = 20;
  private static final int ENTITY_ROWS = 60_000;

  private FeatureView view;
  private RowSet source;
  private RowSet entities;
  private HistoricalRequest request;

  @BeforeEach
  void data() {
    view = driverStats(Duration.ofHours(6));
    Random random = new Random(8);
    RowSet.Builder rows = driverRows();
    for (int h = 0; h < HOURS; h++) {
      for (long d = 0; d < DRIVERS; d++) {
        Instant ts = at(h);
        // Every fifth hour a backfill repeats the previous hour's event time, created later.
        if (h % 5 == 4) {
          ts = at(h - 1);
        }
        rows.add(
            d, ts, ts.plusSeconds(h % 5 == 4 ? 600 : 60), random.nextFloat(), random.nextInt());
      }
    }
    source = rows.build();
    // A wide pass-through column makes the rows outgrow the memory limit.
    String padding = "x".repeat(300);
    RowSet.Builder entityRows =
        RowSet.builder(
            Field.of("driver_id", ValueType.INT64),
            Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP),
            Field.of("note", ValueType.STRING));
    for (int i = 0; i < ENTITY_ROWS; i++) {
      long driver = random.nextInt(DRIVERS);
      entityRows.add(driver, at(-2).plusSeconds(random.nextInt(30 * 3600)), padding + i);
    }
    entities = entityRows.build();
    request = HistoricalRequest.of(EntitySource.of(entities), List.of(ViewSelection.all(view)));
  }

  private OfflineStore store(String memoryLimit, Path spill) {
    return new IcebergOfflineStoreFactory()
        .create(
            IcebergOfflineStoreConfig.of(TestPluginContext.sqliteCatalog(context.repoPath()))
                .withDuckDb(memoryLimit, 1, spill.toString())
                .withCache(dir.resolve("cache").toString(), "1GB"),
            context);
  }

  @Test
  void aJoinLargerThanTheMemoryLimitSpillsAndGivesTheOraclesAnswer() {
    Path spill = dir.resolve("spill");
    try (OfflineStore store = store("40MB", spill)) {
      store.writeBatch(view, source);
      RowSet result;
      try (RetrievalJob job = store.getHistoricalFeatures(request)) {
        result = job.toRowSet();
        // DuckDB makes its temp directory when it first spills, and removes it on close.
        assertThat(spill).isDirectory();
      }

      assertThat(result.rows()).isEqualTo(expected());
    }
  }

  @Test
  void withEnoughMemoryNothingSpills() {
    Path spill = dir.resolve("no-spill");
    try (OfflineStore store = store("2GB", spill)) {
      store.writeBatch(view, source);
      try (RetrievalJob job = store.getHistoricalFeatures(request)) {
        assertThat(job.toRowSet().size()).isEqualTo(ENTITY_ROWS);
        assertThat(Files.exists(spill)).isFalse();
      }
    }
  }

  /** The oracle's answer, looking only at each entity row's own driver (same rules, faster). */
  private List<List<Object>> expected() {
    Map<Object, RowSet.Builder> byDriver = new HashMap<>();
    for (List<Object> row : source.rows()) {
      byDriver.computeIfAbsent(row.get(0), d -> RowSet.builder(source.columns())).add(row);
    }
    Map<Object, RowSet> sources = new HashMap<>();
    byDriver.forEach((d, b) -> sources.put(d, b.build()));
    List<List<Object>> rows = new ArrayList<>();
    for (int r = 0; r < entities.size(); r++) {
      Instant t = (Instant) entities.get(r, "event_timestamp");
      RowSet candidates = sources.get(entities.get(r, "driver_id"));
      Integer winner =
          Oracle.winner(
              view, candidates, Map.of("driver_id", entities.get(r, "driver_id")), t, false);
      List<Object> row = new ArrayList<>(entities.rows().get(r));
      row.add(winner == null ? null : candidates.get(winner, "conv_rate"));
      row.add(winner == null ? null : candidates.get(winner, "trips"));
      rows.add(row);
    }
    return rows;
  }
}
