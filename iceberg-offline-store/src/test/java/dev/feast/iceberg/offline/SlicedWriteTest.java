package dev.feast.iceberg.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.common.TableAppender;
import dev.feast.iceberg.offline.write.BatchRecords;
import dev.feast.iceberg.offline.write.SlicedWrite;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.WriteListener;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A large batch is written by several threads, a slice each, and still committed once. */
class SlicedWriteTest extends StoreTestBase {
  private OfflineStore store;
  private FeatureView view;
  private Table table;

  @BeforeEach
  void createTable() {
    store = store(true);
    view = driverStats(Duration.ZERO);
    store.writeBatch(view, driverRows().add(0L, at(0), at(0), 0.5f, 0).build());
    table =
        context
            .catalog(TestPluginContext.sqliteCatalog(context.repoPath()))
            .catalog()
            .loadTable(TableIdentifier.parse("feast.driver_stats"));
  }

  @Test
  void slicesOfThreeDaysAreOneCommitHoldingEveryRowOnce() {
    RowSet rows = rows(900, null);

    List<DataFile> files =
        SlicedWrite.write(table, new BatchRecords(table, rows, WriteListener.NONE), rows.size(), 4);
    TableAppender.commit(table, files);

    // Four slices over three days: a day split between two slices is in two files.
    assertThat(files).hasSizeGreaterThan(3);
    assertThat(files.stream().mapToLong(DataFile::recordCount).sum()).isEqualTo(900);
    table.refresh();
    assertThat(table.currentSnapshot().summary())
        .containsEntry("added-records", "900")
        .containsEntry("added-data-files", String.valueOf(files.size()));
    try (RetrievalJob job = store.pullAll(view, at(-1000), at(1000))) {
      RowSet read = job.toRowSet();
      assertThat(read.size()).isEqualTo(901);
      assertThat(read.rows().stream().map(r -> r.get(read.indexOf("driver_id"))).distinct())
          .hasSize(901);
    }
  }

  @Test
  void aFailingSliceLeavesNoFileOfAnySlice() throws IOException {
    // A value of the wrong class in the last slice's rows: the check before writing would refuse
    // it, so the writer fails there only when something slips past (a bug, a full disk).
    RowSet rows = rows(900, 899);
    Path data = Path.of(table.location().replaceFirst("^file:", ""), "data");
    long before = parquetFiles(data);

    assertThatThrownBy(
            () ->
                SlicedWrite.write(
                    table, new BatchRecords(table, rows, WriteListener.NONE), rows.size(), 3))
        .isInstanceOf(RuntimeException.class);

    assertThat(parquetFiles(data)).isEqualTo(before);
  }

  /**
   * {@code count} rows over three days; row {@code bad} (if any) has a text where a number goes.
   */
  private static RowSet rows(int count, Integer bad) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Object trips = bad != null && i == bad ? (Object) "many" : (Object) i;
      rows.add(java.util.Arrays.asList((long) i, at(24 * (i % 3)), at(24 * (i % 3)), 1.0f, trips));
    }
    return new RowSet(driverRows().build().columns(), rows);
  }

  private static long parquetFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".parquet")).count();
    }
  }
}
