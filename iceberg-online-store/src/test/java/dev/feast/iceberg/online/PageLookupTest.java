package dev.feast.iceberg.online;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;

/**
 * Reads from the files of views whose files hold many Parquet pages: a lookup reads the pages of
 * its keys only, and answers as the in-memory state does, whether the table was written with the
 * small aligned pages of online tables, without them (a table created before), or both.
 */
class PageLookupTest extends OnlineStoreFixture {
  private static final Clock NOW = Clock.fixed(at(300), ZoneOffset.UTC);
  private static final int KEYS = 1_000;
  private final FeatureView stats =
      FeatureView.builder("stats")
          .entity(DRIVER)
          .feature("value", ValueType.INT64)
          .feature("score", ValueType.DOUBLE)
          .feature("label", ValueType.STRING)
          .ttl(Duration.ofHours(1))
          .source(IcebergSource.of("raw.stats", "event_timestamp", "created"))
          .build();

  @Test
  void onlineTablesWritePagesOfAHundredRowsStartingAtTheSameRowsInEveryColumn() throws IOException {
    IcebergOnlineStore memory = store(config("timestamp", 0L, null), NOW);
    memory.update(List.of(stats), List.of());
    memory.write(stats, batch(new Random(1), 0));

    List<Long> firstRows = null;
    int files = 0;
    for (DataFile file : dataFiles(table("stats"))) {
      try (ParquetFileReader reader =
          ParquetFileReader.open(new LocalInputFile(Path.of(file.location())))) {
        for (BlockMetaData block : reader.getRowGroups()) {
          for (ColumnChunkMetaData column : block.getColumns()) {
            OffsetIndex pages = reader.readOffsetIndex(column);
            List<Long> starts = new ArrayList<>();
            for (int page = 0; page < pages.getPageCount(); page++) {
              starts.add(pages.getFirstRowIndex(page));
            }
            assertThat(starts)
                .as("pages of %s", column.getPath())
                .isEqualTo(firstRows == null ? starts : firstRows);
            firstRows = starts;
          }
          assertThat(firstRows)
              .as("first rows of the pages")
              .hasSizeGreaterThan(2)
              .contains(0L, 100L, 200L);
          firstRows = null;
        }
      }
      files++;
    }
    assertThat(files).isPositive();
  }

  @Test
  void filesOfSmallPagesAnswerEveryKeyAsTheInMemoryStateDoes() {
    assertSameAnswersAfterWrites(false);
  }

  @Test
  void filesOfATableCreatedBeforeSmallPagesAnswerAlike() {
    assertSameAnswersAfterWrites(true);
  }

  private void assertSameAnswersAfterWrites(boolean oldLayoutFirst) {
    IcebergOnlineStore memory = store(config("timestamp", 0L, null), NOW);
    IcebergOnlineStore files =
        store(config("timestamp", 0L, null).withServingMode(ServingMode.FILES), NOW);
    memory.update(List.of(stats), List.of());
    Random random = new Random(oldLayoutFirst ? 11 : 12);
    for (int batch = 0; batch < 4; batch++) {
      // A table created before online tables had small pages writes pages of 20,000 rows.
      boolean old = oldLayoutFirst && batch < 2;
      table("stats")
          .updateProperties()
          .set(OnlineTables.PAGE_ROWS, old ? "20000" : OnlineTables.PAGE_ROWS_VALUE)
          .commit();
      memory.write(stats, batch(random, batch));
    }

    List<EntityKey> keys = new ArrayList<>();
    for (long id = -5; id < KEYS + 5; id++) {
      keys.add(driver(id));
    }
    Collections.shuffle(keys, new Random(7));
    List<String> features = List.of("label", "value", "score");
    List<OnlineResult> expected = memory.read(stats, keys, features);
    assertThat(expected).extracting(OnlineResult::found).contains(true, false);
    for (int from = 0; from < keys.size(); from += 97) {
      List<EntityKey> asked = keys.subList(from, Math.min(keys.size(), from + 97));
      List<OnlineResult> actual = files.read(stats, asked, features);
      for (int i = 0; i < asked.size(); i++) {
        assertThat(actual.get(i)).as("key %s", asked.get(i)).isEqualTo(expected.get(from + i));
      }
    }
    for (EntityKey key : keys.subList(0, 50)) {
      assertThat(files.read(stats, List.of(key), features))
          .containsExactly(expected.get(keys.indexOf(key)));
    }
  }

  /** Most keys in every batch, with later and earlier event and created times. */
  private List<OnlineRow> batch(Random random, int batch) {
    List<OnlineRow> rows = new ArrayList<>();
    for (long id = 0; id < KEYS; id++) {
      if (batch == 0 || random.nextInt(10) < 6) {
        Object created = random.nextBoolean() ? null : at(random.nextInt(3));
        rows.add(
            row(
                driver(id),
                at(200 + random.nextInt(100)),
                (java.time.Instant) created,
                "value",
                id * 100 + batch,
                "score",
                id + batch / 10.0,
                "label",
                random.nextInt(10) == 0 ? null : "b" + batch));
      }
    }
    return rows;
  }

  private static List<DataFile> dataFiles(Table table) throws IOException {
    List<DataFile> files = new ArrayList<>();
    try (CloseableIterable<org.apache.iceberg.FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(task -> files.add(task.file()));
    }
    return files;
  }
}
