package dev.feast.iceberg.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.WriteListener;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * O16: write_batch checks names, types and the values every row needs against the view before
 * writing anything, commits atomically, is visible to the next read.
 */
class WriteBatchTest extends StoreTestBase {
  private OfflineStore store;
  private FeatureView view;

  @BeforeEach
  void createTable() {
    store = store(true);
    view = driverStats(Duration.ZERO);
    store.writeBatch(view, driverRows().add(1L, at(1), at(1), 1.0f, 1).build());
  }

  @Test
  void rowsOfSeveralDaysInAnyOrderMakeOneDataFilePerDay() {
    RowSet.Builder rows = driverRows();
    for (int i = 0; i < 30; i++) {
      rows.add((long) i, at(24 * (i % 3)), at(24 * (i % 3)), 1.0f, i);
    }

    store.writeBatch(view, rows.build());

    var snapshot =
        catalog().loadTable(TableIdentifier.parse("feast.driver_stats")).currentSnapshot();
    assertThat(snapshot.summary()).containsEntry("added-data-files", "3");
    assertThat(rowCount()).isEqualTo(31);
  }

  /** Rows of the join key, typed {@code keyType}, and the two timestamps. */
  private static RowSet.Builder keyAndTimestamps(ValueType keyType) {
    return RowSet.builder(
        Field.of("driver_id", keyType),
        Field.of("event_ts", ValueType.UNIX_TIMESTAMP),
        Field.of("created", ValueType.UNIX_TIMESTAMP));
  }

  private Catalog catalog() {
    return context.catalog(TestPluginContext.sqliteCatalog(context.repoPath())).catalog();
  }

  /** The ids of the source table's snapshots, oldest first. */
  private List<Long> snapshots() {
    List<Long> ids = new ArrayList<>();
    catalog()
        .loadTable(TableIdentifier.parse("feast.driver_stats"))
        .snapshots()
        .forEach(snapshot -> ids.add(snapshot.snapshotId()));
    return ids;
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
            .catalog(TestPluginContext.sqliteCatalog(context.repoPath()))
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
                Field.of("created", ValueType.UNIX_TIMESTAMP),
                Field.of("trips", ValueType.INT64))
            .add(1L, at(2), at(2), 5L)
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
                Field.of("created", ValueType.UNIX_TIMESTAMP),
                Field.of("speed", ValueType.DOUBLE))
            .add(1L, at(2), at(2), 5.0)
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
    List<Long> before = snapshots();
    RowSet rows =
        RowSet.builder(
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_ts", ValueType.UNIX_TIMESTAMP),
                Field.of("created", ValueType.UNIX_TIMESTAMP),
                Field.of("trips", ValueType.INT32))
            .add(2L, at(2), at(2), 5)
            .add(3L, at(3), at(3), "six")
            .build();

    assertThatThrownBy(() -> store.writeBatch(view, rows))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("Row index 1")
        .hasMessageContaining("'trips'");
    assertThat(snapshots()).isEqualTo(before);
  }

  @Test
  void missingFeatureColumnsAreWrittenAsNull() {
    RowSet rows = keyAndTimestamps(ValueType.INT64).add(2L, at(2), at(3)).build();

    store.writeBatch(view, rows);

    try (RetrievalJob job = store.pullLatest(view, at(2), at(2))) {
      assertThat(job.toRowSet().rows().get(0)).containsExactly(2L, null, null, at(2), at(3));
    }
  }

  @Test
  void rowsWithoutTheJoinKeyColumnCreateNoTable() {
    FeatureView fresh =
        FeatureView.builder("fresh")
            .entity(DRIVER)
            .feature("trips", ValueType.INT32)
            .source(IcebergSource.of("feast.fresh", "event_ts"))
            .build();
    RowSet rows =
        RowSet.builder(
                Field.of("event_ts", ValueType.UNIX_TIMESTAMP), Field.of("trips", ValueType.INT32))
            .add(at(1), 1)
            .build();

    assertThatThrownBy(() -> store.writeBatch(fresh, rows))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessage(
            "Rows written to feature view 'fresh' (table feast.fresh) have no column 'driver_id'"
                + " (the join key); columns are [event_ts, trips]: add it, with a value in every"
                + " row");
    assertThat(catalog().tableExists(TableIdentifier.parse("feast.fresh"))).isFalse();
  }

  @Test
  void aRowWithoutAJoinKeyOrTimestampValueWritesNothing() {
    List<Long> before = snapshots();
    RowSet nullKey =
        driverRows().add(2L, at(2), at(2), 2.0f, 2).add(null, at(3), at(3), 3.0f, 3).build();
    RowSet nullTime = driverRows().add(2L, null, at(2), 2.0f, 2).build();
    RowSet nullCreated = driverRows().add(2L, at(2), null, 2.0f, 2).build();

    assertThatThrownBy(() -> store.writeBatch(view, nullKey))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessage(
            "Row index 1 written to feature view 'driver_stats' (table feast.driver_stats) has no"
                + " value in column 'driver_id' (the join key); every row needs one: fill it in or"
                + " drop the row");
    assertThatThrownBy(() -> store.writeBatch(view, nullTime))
        .hasMessageContaining("Row index 0")
        .hasMessageContaining("'event_ts' (the event timestamp)");
    assertThatThrownBy(() -> store.writeBatch(view, nullCreated))
        .hasMessageContaining("'created' (the created timestamp)");
    assertThat(snapshots()).isEqualTo(before);
  }

  @Test
  void theCreatedColumnIsRequiredWhenTheSourceHasOne() {
    RowSet rows =
        RowSet.builder(
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_ts", ValueType.UNIX_TIMESTAMP))
            .add(2L, at(2))
            .build();

    assertThatThrownBy(() -> store.writeBatch(view, rows))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("have no column 'created' (the created timestamp)");
  }

  @Test
  void aJoinKeyOfAnotherTypeThanTheEntitysIsRejected() {
    RowSet rows = keyAndTimestamps(ValueType.STRING).add("2", at(2), at(2)).build();

    assertThatThrownBy(() -> store.writeBatch(view, rows))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("'driver_id'")
        .hasMessageContaining("expected Int64 (the view's type of the join key), actual String");
  }

  @Test
  void epochNumbersAreNotTimestampsButDatesAreUtcMidnight() {
    RowSet epoch = keyAndTimestamps(ValueType.INT64).add(2L, 1_714_521_600L, at(2)).build();
    assertThatThrownBy(() -> store.writeBatch(view, epoch))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("Row index 0")
        .hasMessageContaining("'event_ts'")
        .hasMessageContaining("Instant.ofEpochSecond");

    store.writeBatch(
        view, driverRows().add(2L, LocalDate.parse("2024-05-02"), at(2), 2.0f, 2).build());

    try (RetrievalJob job = store.pullLatest(view, at(24), at(24))) {
      assertThat(job.toRowSet().get(0, "event_timestamp"))
          .isEqualTo(Instant.parse("2024-05-02T00:00:00Z"));
    }
  }

  @Test
  void theListenerHearsRowsWrittenThenTheCommit() {
    RowSet.Builder rows = driverRows();
    for (int i = 0; i < 25_000; i++) {
      rows.add((long) i, at(2), at(2), 1.0f, i);
    }
    List<String> heard = new ArrayList<>();

    store.writeBatch(
        view,
        rows.build(),
        new WriteListener() {
          @Override
          public void written(long written) {
            heard.add("written " + written);
          }

          @Override
          public void committing() {
            heard.add("committing, " + rowCount() + " rows visible");
          }
        });

    assertThat(heard)
        .containsExactly(
            "written 10000", "written 20000", "written 25000", "committing, 1 rows visible");
    assertThat(rowCount()).isEqualTo(25_001);
  }
}
