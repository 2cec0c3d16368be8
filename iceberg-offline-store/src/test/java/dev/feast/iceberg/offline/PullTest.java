package dev.feast.iceberg.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.ColumnBatch;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.BatchStream;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.RowStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** O14 pull_latest and O15 pull_all. */
class PullTest extends StoreTestBase {

  private static java.time.Instant instant(long micros) {
    return java.time.Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS);
  }

  private static RowSet rows(RetrievalJob job) {
    try (job) {
      return job.toRowSet();
    }
  }

  private OfflineStore storeWithData(boolean pruning, FeatureView view) {
    OfflineStore store = store(pruning);
    store.writeBatch(
        view,
        driverRows()
            .add(1L, at(1), at(1), 1.0f, 11)
            .add(1L, at(5), at(6), 2.0f, 12)
            .add(1L, at(5), at(9), 3.0f, 13)
            .add(1L, at(30), at(30), 4.0f, 14)
            .add(2L, at(2), at(2), 5.0f, 21)
            .add(3L, at(40), at(40), 6.0f, 31)
            .build());
    store.writeBatch(view, driverRows().add(2L, at(10), at(3), 7.0f, 22).build());
    return store;
  }

  @ParameterizedTest(name = "pruning={0}")
  @ValueSource(booleans = {true, false})
  void pullLatestGivesOneRowPerKeyInTheInclusiveRange(boolean pruning) {
    FeatureView view = driverStats(Duration.ofHours(1));
    OfflineStore store = storeWithData(pruning, view);

    RowSet result = rows(store.pullLatest(view, at(1), at(10)));

    assertThat(result.columnNames())
        .containsExactly("driver_id", "conv_rate", "trips", "event_timestamp", "created_timestamp");
    assertThat(result.rows())
        .containsExactlyInAnyOrder(
            List.of(1L, 3.0f, 13, at(5), at(9)), List.of(2L, 7.0f, 22, at(10), at(3)));
  }

  @Test
  void columnBatchesOfAPullHoldTheValuesOfItsRowsAndKnowTheRowCount() {
    FeatureView view = driverStats(Duration.ofHours(1));
    OfflineStore store = storeWithData(true, view);

    try (RetrievalJob job = store.pullLatest(view, at(1), at(40));
        BatchStream batches = job.batches(2)) {
      assertThat(job.rowCount()).hasValue(3);
      assertThat(batches.columns())
          .extracting(Field::name)
          .containsExactly(
              "driver_id", "conv_rate", "trips", "event_timestamp", "created_timestamp");
      List<List<Object>> typed = new ArrayList<>();
      List<List<Object>> objects = new ArrayList<>();
      int sizes = 0;
      while (batches.hasNext()) {
        ColumnBatch batch = batches.next();
        assertThat(batch.rowCount()).isBetween(1, 2);
        sizes++;
        for (int row = 0; row < batch.rowCount(); row++) {
          typed.add(
              List.of(
                  batch.getLong(0, row),
                  batch.getFloat(1, row),
                  batch.getInt(2, row),
                  instant(batch.getLong(3, row)),
                  instant(batch.getLong(4, row))));
          List<Object> values = new ArrayList<>();
          for (int column = 0; column < batch.columns().size(); column++) {
            values.add(batch.get(column, row));
          }
          objects.add(values);
        }
      }
      assertThat(sizes).isEqualTo(2);
      List<List<Object>> expected =
          List.of(
              List.of(1L, 4.0f, 14, at(30), at(30)),
              List.of(2L, 7.0f, 22, at(10), at(3)),
              List.of(3L, 6.0f, 31, at(40), at(40)));
      assertThat(typed).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(objects).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void aPullKnowsItsRowCountOnceItRanForAMaterializationsProgress() {
    FeatureView view = driverStats(Duration.ofHours(1));
    OfflineStore store = storeWithData(true, view);

    try (RetrievalJob job = store.pullLatest(view, at(1), at(40))) {
      assertThat(job.rowCount()).as("before the query ran").isEmpty();
      try (RowStream rows = job.rows()) {
        assertThat(job.rowCount()).hasValue(3);
        long read = 0;
        while (rows.hasNext()) {
          rows.next();
          read++;
        }
        assertThat(read).isEqualTo(3);
      }
      assertThat(job.toRowSet().size()).as("a second run").isEqualTo(3);
    }
  }

  @ParameterizedTest(name = "pruning={0}")
  @ValueSource(booleans = {true, false})
  void pullAllGivesEveryRowInTheInclusiveRange(boolean pruning) {
    FeatureView view = driverStats(Duration.ofHours(1));
    OfflineStore store = storeWithData(pruning, view);

    RowSet result = rows(store.pullAll(view, at(2), at(30)));

    assertThat(column(result, "trips")).containsExactlyInAnyOrder(12, 13, 14, 21, 22);
    assertThat(rows(store.pullAll(view, at(2, 1), at(4))).size()).isZero();
  }

  @ParameterizedTest(name = "pruning={0}")
  @ValueSource(booleans = {true, false})
  void pullOfASourceWithoutCreatedColumnHasNoCreatedColumn(boolean pruning) {
    OfflineStore store = store(pruning);
    FeatureView view =
        FeatureView.builder("plain")
            .entity(DRIVER)
            .feature("trips", ValueType.INT32)
            .source(IcebergSource.of("feast.plain", "ts"))
            .build();
    store.writeBatch(
        view,
        RowSet.builder(
                Field.of("driver_id", ValueType.INT64),
                Field.of("ts", ValueType.UNIX_TIMESTAMP),
                Field.of("trips", ValueType.INT32))
            .add(1L, at(1), 1)
            .add(1L, at(2), 2)
            .build());

    RowSet result = rows(store.pullLatest(view, at(0), at(3)));

    assertThat(result.columnNames()).containsExactly("driver_id", "trips", "event_timestamp");
    assertThat(result.rows()).containsExactly(List.of(1L, 2, at(2)));
  }
}
