package dev.feast.iceberg.testsuite;

import static dev.feast.iceberg.testsuite.RowSetAssertions.assertSameRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.UnsupportedFeatureException;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.annotation.Evolving;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineCapability;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The offline store contract of {@code test-suite/CONTRACT.md} (O1–O21, and the offline side of
 * N10), checked against {@link Oracle} over the shared {@link Dataset}. Extend it and implement
 * {@link #createStore}; optional behaviours follow the store's {@code capabilities()} and show as
 * skipped, with the reason, when the store does not declare them (Iceberg's {@code CatalogTests}
 * flags, Trino's {@code hasBehavior}).
 *
 * <pre>{@code
 * class MyOfflineStoreConformanceTest extends OfflineStoreConformance {
 *   @Override
 *   protected OfflineStore createStore(Path directory) {
 *     TestPluginContext context =
 *         closeAfterAll(TestPluginContext.of(directory, new JdbcCatalogProviderFactory()));
 *     return new MyOfflineStoreFactory().create(myConfig(directory), context);
 *   }
 * }
 * }</pre>
 *
 * <p>Optional hooks: {@link #createStoreWithoutPruning} (O21), {@link #commitDelete} (O20), {@link
 * #sourceFactory} (stores whose sources are not Iceberg tables).
 */
@Evolving
public abstract class OfflineStoreConformance extends OfflineRetrievalConformance {

  private FeatureView writesView(String name) {
    return FeatureView.builder(name)
        .entity(Dataset.DRIVER)
        .feature("trips", ValueType.INT32)
        .feature("rating", ValueType.DOUBLE)
        .source(dataset().sourceFactory().create(name, "event_timestamp", "created", Map.of()))
        .build();
  }

  private static RowSet.Builder writeRows(Field... extra) {
    List<Field> columns =
        new ArrayList<>(
            List.of(
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP),
                Field.of("created", ValueType.UNIX_TIMESTAMP),
                Field.of("trips", ValueType.INT32),
                Field.of("rating", ValueType.DOUBLE)));
    columns.addAll(Arrays.asList(extra));
    return RowSet.builder(columns);
  }

  private RowSet everything(FeatureView view) {
    return run(store().pullAll(view, dataset().start(), dataset().end()));
  }

  private RowSet entitiesAt(Instant t, long... drivers) {
    RowSet.Builder rows =
        RowSet.builder(
            Field.of("driver_id", ValueType.INT64),
            Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP));
    for (long driver : drivers) {
      rows.add(driver, t);
    }
    return rows.build();
  }

  /**
   * Case O16 (write_batch), this test: write_batch checks columns, appends atomically, is visible
   * at once. The rule: writeBatch checks column names and types against the source, refuses a batch
   * with a bad value, a null join key or a missing key column with a SchemaMismatchException naming
   * the column, writes nothing of a refused batch, and makes an accepted batch visible at once. See
   * O16 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O16: write_batch checks columns, appends atomically, is visible at once")
  void o16_writeBatchChecksColumnsAppendsAtomicallyAndIsVisibleAtOnce() {
    FeatureView view = writesView("o16_writes");
    Instant h1 = dataset().hour(1);
    Instant h2 = dataset().hour(2);
    store().writeBatch(view, writeRows().add(1L, h1, h1, 1, 1.5).add(2L, h1, h1, 2, 2.5).build());
    assertThat(column(everything(view), "trips")).containsExactlyInAnyOrder(1, 2);

    RowSet unknownColumn =
        writeRows(Field.of("surprise", ValueType.STRING)).add(3L, h2, h2, 3, 3.5, "x").build();
    assertThatThrownBy(() -> store().writeBatch(view, unknownColumn))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("surprise");
    RowSet wrongType =
        RowSet.builder(
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP),
                Field.of("created", ValueType.UNIX_TIMESTAMP),
                Field.of("trips", ValueType.STRING),
                Field.of("rating", ValueType.DOUBLE))
            .add(3L, h2, h2, "three", 3.5)
            .build();
    assertThatThrownBy(() -> store().writeBatch(view, wrongType))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("trips");
    RowSet badValueInTheMiddle =
        writeRows()
            .add(3L, h2, h2, 3, 3.5)
            .add(4L, h2, h2, "four", 4.5)
            .add(5L, h2, h2, 5, 5.5)
            .build();
    assertThatThrownBy(() -> store().writeBatch(view, badValueInTheMiddle))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("trips");
    // A row without its join key could never be materialized: the batch is refused.
    RowSet nullKeyInTheMiddle =
        writeRows()
            .add(3L, h2, h2, 3, 3.5)
            .add(null, h2, h2, 4, 4.5)
            .add(5L, h2, h2, 5, 5.5)
            .build();
    assertThatThrownBy(() -> store().writeBatch(view, nullKeyInTheMiddle))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("driver_id");
    RowSet noKeyColumn =
        RowSet.builder(
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP),
                Field.of("created", ValueType.UNIX_TIMESTAMP),
                Field.of("trips", ValueType.INT32))
            .add(h2, h2, 3)
            .build();
    assertThatThrownBy(() -> store().writeBatch(view, noKeyColumn))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("driver_id");
    assertThat(column(everything(view), "trips"))
        .as("nothing of a failed batch")
        .containsExactlyInAnyOrder(1, 2);

    store().writeBatch(view, writeRows().add(1L, h2, h2, 10, 10.5).build());
    RowSet result = retrieve(request(entitiesAt(h2, 1, 2), false, all(view)));
    assertThat(column(result, "trips")).containsExactlyInAnyOrder(10, 2);
  }

  /**
   * Case O17 (Persist and entity tables), this test: a persisted result equals the result and is
   * not overwritten unless allowed. The rule: A persisted result, read back as entity rows, equals
   * the result; persisting over an existing table fails naming it unless overwrite is allowed. A
   * store not declaring ENTITY_TABLE refuses entity rows from a table; one not declaring PERSIST
   * refuses persist. PERSIST implies ENTITY_TABLE. See O17 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O17: a persisted result equals the result and is not overwritten unless allowed")
  void o17_aPersistedResultEqualsTheResultAndIsNotOverwrittenUnlessAllowed() {
    requires(OfflineCapability.PERSIST);
    requires(OfflineCapability.ENTITY_TABLE);
    TableIdentifier table = TableIdentifier.of(Dataset.NAMESPACE, "o17_training");
    HistoricalRequest request =
        request(orders("o-1", "o-2", "o-3", "o-exact"), false, all(dataset().driverStats()));
    RowSet result = retrieve(request);
    try (RetrievalJob job = store().getHistoricalFeatures(request)) {
      job.persist(table, false);
      assertThatThrownBy(() -> job.persist(table, false)).hasMessageContaining("o17_training");
    }
    checkPersisted(table, result);

    HistoricalRequest fewer = request(orders("o-exact"), false, all(dataset().driverStats()));
    try (RetrievalJob job = store().getHistoricalFeatures(fewer)) {
      job.persist(table, true);
    }
    checkPersisted(table, retrieve(fewer));
  }

  /**
   * Case O17 (Persist and entity tables), this test: entity rows from a table are refused when
   * ENTITY_TABLE is not declared. The rule: A persisted result, read back as entity rows, equals
   * the result; persisting over an existing table fails naming it unless overwrite is allowed. A
   * store not declaring ENTITY_TABLE refuses entity rows from a table; one not declaring PERSIST
   * refuses persist. PERSIST implies ENTITY_TABLE. See O17 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O17: entity rows from a table are refused when ENTITY_TABLE is not declared")
  void o17_entityRowsFromATableAreRejectedWhenUnsupported() {
    requiresNot(OfflineCapability.ENTITY_TABLE);
    HistoricalRequest request =
        HistoricalRequest.of(
            new EntitySource.IcebergTable(TableIdentifier.of(Dataset.NAMESPACE, "o17_entities")),
            List.of(all(dataset().driverStats())));
    assertRefused("O17", OfflineCapability.ENTITY_TABLE, () -> retrieve(request));
  }

  /**
   * Case O17 (Persist and entity tables), this test: persist is refused when PERSIST is not
   * declared. The rule: A persisted result, read back as entity rows, equals the result; persisting
   * over an existing table fails naming it unless overwrite is allowed. A store not declaring
   * ENTITY_TABLE refuses entity rows from a table; one not declaring PERSIST refuses persist.
   * PERSIST implies ENTITY_TABLE. See O17 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O17: persist is refused when PERSIST is not declared")
  void o17_persistingIsRejectedWhenUnsupported() {
    requiresNot(OfflineCapability.PERSIST);
    HistoricalRequest request = request(orders("o-exact"), false, all(dataset().driverStats()));
    TableIdentifier table = TableIdentifier.of(Dataset.NAMESPACE, "o17_refused");
    try (RetrievalJob job = store().getHistoricalFeatures(request)) {
      // A job does not know its store's type; the runtime names it when it refuses up front.
      assertThatThrownBy(() -> job.persist(table, false))
          .as("O17 (PERSIST not declared): persist refused")
          .isInstanceOf(UnsupportedFeatureException.class);
    }
  }

  /**
   * Case O17 (Persist and entity tables), this test: PERSIST implies ENTITY_TABLE. The rule: A
   * persisted result, read back as entity rows, equals the result; persisting over an existing
   * table fails naming it unless overwrite is allowed. A store not declaring ENTITY_TABLE refuses
   * entity rows from a table; one not declaring PERSIST refuses persist. PERSIST implies
   * ENTITY_TABLE. See O17 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O17: PERSIST implies ENTITY_TABLE")
  void o17_persistImpliesEntityTable() {
    requires(OfflineCapability.PERSIST);
    assertThat(store().capabilities())
        .as(
            "O17: a store declaring PERSIST declares ENTITY_TABLE (a persisted result is read back"
                + " as entity rows)")
        .contains(OfflineCapability.ENTITY_TABLE);
  }

  /** Reads a persisted table back as entity rows, with an entity-less feature added to each. */
  private void checkPersisted(TableIdentifier table, RowSet result) {
    ViewSelection global = all(dataset().globalStats());
    RowSet readBack =
        retrieve(HistoricalRequest.of(new EntitySource.IcebergTable(table), List.of(global)));
    assertSameRows(
        "O17 persisted " + table,
        readBack,
        expected(HistoricalRequest.of(EntitySource.of(result), List.of(global))));
  }

  /**
   * Case O18 (Result types), this test: result columns keep their types, lists, empty lists and
   * nulls included. The rule: Result columns keep the view's value types (FLOAT stays float, INT32
   * stays int), lists, empty lists and nulls included. See O18 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O18: result columns keep their types, lists, empty lists and nulls included")
  void o18_resultColumnsKeepTheirTypesListsEmptyListsAndNullsIncluded() {
    FeatureView samples = dataset().typeSamples();
    RowSet.Builder entities =
        RowSet.builder(
            Field.of("sample_id", ValueType.INT64),
            Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP));
    for (long sample = 1; sample <= 4; sample++) {
      entities.add(sample, dataset().hour(2));
    }
    RowSet result = retrieve(request(entities.build(), false, all(samples)));
    List<Field> columns = new ArrayList<>();
    columns.add(Field.of("sample_id", ValueType.INT64));
    columns.add(Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP));
    columns.addAll(samples.features());
    RowSet.Builder expected = RowSet.builder(columns);
    for (int sample = 1; sample <= 4; sample++) {
      List<Object> row = new ArrayList<>(List.of((long) sample, dataset().hour(2)));
      for (Field feature : samples.features()) {
        row.add(sample == 4 ? null : TypeSamples.value(feature.type(), sample));
      }
      expected.add(row);
    }
    assertSameRows("O18 type_samples", result, expected.build());
    RowSet stats = retrieve(request(orders("o-exact"), false, all(dataset().driverStats())));
    assertThat(stats.get(0, "conv_rate")).isInstanceOf(Float.class);
    assertThat(stats.get(0, "trips_today")).isInstanceOf(Integer.class);
  }

  /**
   * Case O19 (Date-range retrieval), this test: date-range retrieval without entity rows
   * (DATE_RANGE_RETRIEVAL declared). The rule: Retrieval without entity rows over [start, end]
   * equals the oracle (implied entity rows: every key with a row in the range, at end). A store not
   * declaring the capability refuses. See O19 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O19: date-range retrieval without entity rows (DATE_RANGE_RETRIEVAL declared)")
  void o19_dateRangeRetrievalWithoutEntityRows() {
    requires(OfflineCapability.DATE_RANGE_RETRIEVAL);
    List<ViewSelection> views =
        List.of(all(dataset().driverStats()), all(dataset().driverRatings()));
    Instant start = dataset().hour(20);
    Instant end = dataset().hour(30);
    assertSameRows(
        "O19",
        run(store().getHistoricalFeaturesBetween(views, start, end, false)),
        Oracle.historicalBetween(views, start, end, false, dataset().sourceRows()));
  }

  /**
   * Case O19 (Date-range retrieval), this test: date-range retrieval is refused when not declared.
   * The rule: Retrieval without entity rows over [start, end] equals the oracle (implied entity
   * rows: every key with a row in the range, at end). A store not declaring the capability refuses.
   * See O19 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O19: date-range retrieval is refused when not declared")
  void o19_dateRangeRetrievalIsRejectedWhenUnsupported() {
    requiresNot(OfflineCapability.DATE_RANGE_RETRIEVAL);
    List<ViewSelection> views = List.of(all(dataset().driverStats()));
    assertRefused(
        "O19",
        OfflineCapability.DATE_RANGE_RETRIEVAL,
        () ->
            run(
                store()
                    .getHistoricalFeaturesBetween(
                        views, dataset().start(), dataset().end(), false)));
  }

  /**
   * Case O20 (Deletes), this test: position and equality deletes are honoured (DELETES declared).
   * The rule: Position and equality deletes committed to a source are honoured in retrieval and
   * pulls. A store declaring the capability must run the case: a fixture without commitDelete
   * fails. See O20 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O20: position and equality deletes are honoured (DELETES declared)")
  void o20_positionAndEqualityDeletesCommittedToTheSourceAreHonoured() {
    requires(OfflineCapability.DELETES);
    FeatureView view = writesView("o20_deletes");
    Instant h1 = dataset().hour(1);
    Instant h5 = dataset().hour(5);
    Instant h7 = dataset().hour(7);
    store().writeBatch(view, writeRows().add(1L, h1, h1, 1, 1.0).add(2L, h1, h1, 2, 2.0).build());
    store()
        .writeBatch(view, writeRows().add(1L, h5, h5, 10, 10.0).add(2L, h5, h5, 20, 20.0).build());
    commitDelete(view, DeleteKind.POSITION, "trips", 10);
    commitDelete(view, DeleteKind.EQUALITY, "trips", 20);
    // Written after the equality delete, so not deleted by it.
    store().writeBatch(view, writeRows().add(3L, h7, h7, 20, 30.0).build());
    RowSet entities =
        RowSet.builder(
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP))
            .add(1L, dataset().hour(6))
            .add(2L, dataset().hour(6))
            .add(3L, dataset().hour(8))
            .build();
    assertThat(column(retrieve(request(entities, false, all(view))), "trips"))
        .containsExactlyInAnyOrder(1, 2, 20);
    assertThat(column(everything(view), "trips")).containsExactlyInAnyOrder(1, 2, 20);
  }

  /**
   * Case O21 (Pruning), this test: pruning never changes the answer. The rule: Retrieval and pulls
   * with pruning off equal those with pruning on (and the oracle). See O21 in
   * test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("O21: pruning never changes the answer")
  void o21_pruningNeverChangesTheAnswer() {
    var unpruned = unprunedStore();
    HistoricalRequest request =
        request(
            dataset().orders(),
            false,
            all(dataset().driverStats()),
            all(dataset().order()),
            all(dataset().globalStats()),
            all(dataset().driverRatings()));
    RowSet pruned = retrieve(request);
    assertSameRows("O21 pruning off vs on", retrieve(unpruned, request), pruned);
    assertSameRows("O21", pruned, expected(request));
    FeatureView stats = dataset().driverStats();
    assertSameRows(
        "O21 pull_latest",
        run(unpruned.pullLatest(stats, dataset().hour(10), dataset().hour(20))),
        run(store().pullLatest(stats, dataset().hour(10), dataset().hour(20))));
  }
}
