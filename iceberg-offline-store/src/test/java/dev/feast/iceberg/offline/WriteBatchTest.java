package dev.feast.iceberg.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import java.time.Duration;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** O16: write_batch checks names and types, commits atomically, is visible to the next read. */
class WriteBatchTest extends StoreTestBase {
  private OfflineStore store;
  private FeatureView view;

  @BeforeEach
  void createTable() {
    store = store(true);
    view = driverStats(Duration.ZERO);
    store.writeBatch(view, driverRows().add(1L, at(1), at(1), 1.0f, 1).build());
  }

  private long rowCount() {
    try (RetrievalJob job = store.pullAll(view, at(-1000), at(1000))) {
      return job.toRowSet().size();
    }
  }

  @Test
  void theFirstWriteCreatesTheTableFromTheRows() {
    var table =
        context
            .catalog(context.catalogConfig())
            .catalog()
            .loadTable(TableIdentifier.parse("feast.driver_stats"));

    assertThat(table.schema().columns())
        .extracting(f -> f.name())
        .containsExactly("driver_id", "event_ts", "created", "conv_rate", "trips");
    assertThat(table.spec().fields()).hasSize(1);
    assertThat(rowCount()).isEqualTo(1);
  }

  @Test
  void rowsAreVisibleToTheNextRead() {
    store.writeBatch(
        view, driverRows().add(2L, at(2), at(2), 2.0f, 2).add(3L, at(3), at(3), 3.0f, 3).build());

    assertThat(rowCount()).isEqualTo(3);
  }

  @Test
  void aColumnOfTheWrongTypeIsRejectedNamingTableColumnAndTypes() {
    RowSet rows =
        RowSet.builder(
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_ts", ValueType.UNIX_TIMESTAMP),
                Field.of("trips", ValueType.INT64))
            .add(1L, at(2), 5L)
            .build();

    assertThatThrownBy(() -> store.writeBatch(view, rows))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("feast.driver_stats")
        .hasMessageContaining("'trips'")
        .hasMessageContaining("expected Int32")
        .hasMessageContaining("actual Int64");
    assertThat(rowCount()).isEqualTo(1);
  }

  @Test
  void anUnknownColumnIsRejected() {
    RowSet rows =
        RowSet.builder(
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_ts", ValueType.UNIX_TIMESTAMP),
                Field.of("speed", ValueType.DOUBLE))
            .add(1L, at(2), 5.0)
            .build();

    assertThatThrownBy(() -> store.writeBatch(view, rows))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("feast.driver_stats")
        .hasMessageContaining("'speed'");
  }

  @Test
  void aMissingTimestampColumnIsRejected() {
    RowSet rows =
        RowSet.builder(Field.of("driver_id", ValueType.INT64), Field.of("trips", ValueType.INT32))
            .add(1L, 5)
            .build();

    assertThatThrownBy(() -> store.writeBatch(view, rows))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("'event_ts'");
  }

  @Test
  void aBadValueAnywhereInTheBatchWritesNothing() {
    RowSet rows =
        RowSet.builder(
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_ts", ValueType.UNIX_TIMESTAMP),
                Field.of("trips", ValueType.INT32))
            .add(2L, at(2), 5)
            .add(3L, at(3), "six")
            .build();

    assertThatThrownBy(() -> store.writeBatch(view, rows))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("Row 1")
        .hasMessageContaining("'trips'");
    assertThat(rowCount()).isEqualTo(1);
  }

  @Test
  void missingOptionalColumnsAreWrittenAsNull() {
    RowSet rows =
        RowSet.builder(
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_ts", ValueType.UNIX_TIMESTAMP))
            .add(2L, at(2))
            .build();

    store.writeBatch(view, rows);

    try (RetrievalJob job = store.pullLatest(view, at(2), at(2))) {
      assertThat(job.toRowSet().rows().get(0)).containsExactly(2L, null, null, at(2), null);
    }
  }
}
