package dev.feast.iceberg.reliability.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.common.TableAppender;
import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.core.materialize.MaterializationResult;
import dev.feast.iceberg.core.online.OnlineResponse;
import dev.feast.iceberg.core.plugin.RuntimeContext;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.online.FeatureStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unusual values round-trip offline and online; empty and evolved tables still retrieve. */
class ValueEdgeCasesTest {
  static final Instant T = Instant.parse("2024-05-01T10:00:00Z");
  static final Instant BEFORE_1970 = Instant.parse("1969-07-20T20:17:40Z");
  static final Instant AFTER_2100 = Instant.parse("2150-01-01T00:00:00.123456Z");
  static final Entity DRIVER = Entity.of("driver", "driver_id", ValueType.INT64);
  static final Field KEY = Field.of("driver_id", ValueType.INT64);
  static final Field TS = Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP);

  @TempDir Path repo;
  FeatureStore store;

  @BeforeEach
  void open() {
    store = FeatureStore.open(TestRepos.embedded(repo));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static FeatureView view(String name, Field... features) {
    FeatureView.Builder builder =
        FeatureView.builder(name)
            .entity(DRIVER)
            .source(IcebergSource.of("feast." + name, "event_timestamp"));
    for (Field feature : features) {
      builder.feature(feature.name(), feature.type());
    }
    return builder.build();
  }

  /**
   * Changes a source table behind the stores' backs, as another tool (or an older version) would.
   */
  private void sourceTable(String name, Consumer<Table> change) {
    try (RuntimeContext context = TestRepos.catalogOf(repo)) {
      change.accept(
          context
              .catalog(TestRepos.embeddedCatalog())
              .catalog()
              .loadTable(TableIdentifier.of("feast", name)));
    }
  }

  private static RowSet entities(Object... keyAndTime) {
    RowSet.Builder builder = RowSet.builder(KEY, TS);
    for (int i = 0; i < keyAndTime.length; i += 2) {
      builder.add(keyAndTime[i], keyAndTime[i + 1]);
    }
    return builder.build();
  }

  @Test
  void nanAndInfinitiesRoundTripOfflineAndOnline() {
    FeatureView view =
        view("floats", Field.of("d", ValueType.DOUBLE), Field.of("f", ValueType.FLOAT));
    store.apply(DRIVER, view);
    store.writeToOfflineStore(
        "floats",
        RowSet.builder(KEY, Field.of("d", ValueType.DOUBLE), Field.of("f", ValueType.FLOAT), TS)
            .add(1L, Double.NaN, Float.NaN, T)
            .add(2L, Double.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, T)
            .add(3L, Double.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, T)
            .add(4L, -0.0d, Float.MIN_VALUE, T)
            .build());
    List<String> refs = List.of("floats:d", "floats:f");

    RowSet offline =
        store
            .getHistoricalFeatures(
                EntitySource.of(entities(1L, T, 2L, T, 3L, T, 4L, T)), refs, false)
            .toRowSet();
    store.materialize(T.minusSeconds(1), T);
    OnlineResponse online =
        store.getOnlineFeatures(
            refs,
            List.of(
                Map.of("driver_id", 1L),
                Map.of("driver_id", 2L),
                Map.of("driver_id", 3L),
                Map.of("driver_id", 4L)),
            false);

    Object[][] expected = {
      {1L, Double.NaN, Float.NaN},
      {2L, Double.POSITIVE_INFINITY, Float.POSITIVE_INFINITY},
      {3L, Double.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY},
      {4L, -0.0d, Float.MIN_VALUE}
    };
    Map<Object, Map<String, Object>> offlineByKey = new java.util.HashMap<>();
    offline.toMaps().forEach(m -> offlineByKey.put(m.get("driver_id"), m));
    for (int i = 0; i < expected.length; i++) {
      Map<String, Object> row = offlineByKey.get(expected[i][0]);
      assertThat(row).containsEntry("d", expected[i][1]).containsEntry("f", expected[i][2]);
      assertThat(online.rows().get(i))
          .containsEntry("d", expected[i][1])
          .containsEntry("f", expected[i][2]);
    }
  }

  @Test
  void timestampsBefore1970AndAfter2100RoundTripOfflineAndOnline() {
    FeatureView view =
        view("eras", Field.of("v", ValueType.INT64), Field.of("at", ValueType.UNIX_TIMESTAMP));
    store.apply(DRIVER, view);
    store.writeToOfflineStore(
        "eras",
        RowSet.builder(
                KEY, Field.of("v", ValueType.INT64), Field.of("at", ValueType.UNIX_TIMESTAMP), TS)
            .add(1L, 1969L, BEFORE_1970, BEFORE_1970)
            .add(2L, 2150L, AFTER_2100, AFTER_2100)
            .add(2L, 1L, BEFORE_1970, BEFORE_1970)
            .build());
    List<String> refs = List.of("eras:v", "eras:at");

    RowSet offline =
        store
            .getHistoricalFeatures(
                EntitySource.of(
                    entities(
                        1L,
                        BEFORE_1970.plusSeconds(1),
                        2L,
                        AFTER_2100,
                        2L,
                        BEFORE_1970.minusSeconds(1))),
                refs,
                false)
            .toRowSet();
    assertThat(offline.toMaps())
        .extracting(
            m -> m.get("driver_id"),
            m -> m.get("event_timestamp"),
            m -> m.get("v"),
            m -> m.get("at"))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(1L, BEFORE_1970.plusSeconds(1), 1969L, BEFORE_1970),
            org.assertj.core.groups.Tuple.tuple(2L, AFTER_2100, 2150L, AFTER_2100),
            org.assertj.core.groups.Tuple.tuple(2L, BEFORE_1970.minusSeconds(1), null, null));

    store.materialize(Instant.parse("1900-01-01T00:00:00Z"), Instant.parse("2200-01-01T00:00:00Z"));
    OnlineResponse online =
        store.getOnlineFeatures(
            refs, List.of(Map.of("driver_id", 1L), Map.of("driver_id", 2L)), false);
    assertThat(online.rows().get(0)).containsEntry("v", 1969L).containsEntry("at", BEFORE_1970);
    assertThat(online.rows().get(1)).containsEntry("v", 2150L).containsEntry("at", AFTER_2100);
    assertThat(online.eventTimestamps().get(0)).containsEntry("v", BEFORE_1970);
    assertThat(online.eventTimestamps().get(1)).containsEntry("v", AFTER_2100);
  }

  @Test
  void anEmptySourceTableRetrievesNullsAndMaterializesNothing() {
    FeatureView view = view("empty", Field.of("v", ValueType.INT64));
    store.apply(DRIVER, view);
    store.writeToOfflineStore(
        "empty", RowSet.builder(KEY, Field.of("v", ValueType.INT64), TS).build());

    RowSet offline =
        store
            .getHistoricalFeatures(EntitySource.of(entities(1L, T)), List.of("empty:v"), false)
            .toRowSet();
    store.materialize(T.minusSeconds(3600), T);
    OnlineResponse online =
        store.getOnlineFeatures(List.of("empty:v"), List.of(Map.of("driver_id", 1L)), false);

    assertThat(offline.size()).isEqualTo(1);
    assertThat(offline.get(0, "v")).isNull();
    assertThat(online.statuses().get(0)).containsEntry("v", FeatureStatus.NOT_FOUND);
  }

  @Test
  void emptyEntityRowsGiveAnEmptyResult() {
    FeatureView view = view("some", Field.of("v", ValueType.INT64));
    store.apply(DRIVER, view);
    store.writeToOfflineStore(
        "some", RowSet.builder(KEY, Field.of("v", ValueType.INT64), TS).add(1L, 1L, T).build());

    RowSet offline =
        store
            .getHistoricalFeatures(EntitySource.of(entities()), List.of("some:v"), false)
            .toRowSet();
    OnlineResponse online = store.getOnlineFeatures(List.of("some:v"), List.of(), false);

    assertThat(offline.size()).isZero();
    assertThat(offline.columnNames()).containsExactly("driver_id", "event_timestamp", "v");
    assertThat(online.rows()).isEmpty();
  }

  @Test
  void aSourceTableThatDoesNotExistIsNamed() {
    FeatureView view = view("missing", Field.of("v", ValueType.INT64));
    store.apply(DRIVER, view);

    assertThatThrownBy(
            () ->
                store
                    .getHistoricalFeatures(
                        EntitySource.of(entities(1L, T)), List.of("missing:v"), false)
                    .toRowSet())
        .hasMessageContaining("feast.missing");
  }

  @Test
  void nullJoinKeysWrittenBeforeIngestionRefusedThemAreSkippedByMaterializationAndCounted() {
    FeatureView view = view("legacy", Field.of("v", ValueType.INT64));
    store.apply(DRIVER, view);
    store.writeToOfflineStore(
        "legacy", RowSet.builder(KEY, Field.of("v", ValueType.INT64), TS).add(1L, 10L, T).build());
    sourceTable(
        "legacy",
        table -> {
          GenericRecord legacy = GenericRecord.create(table.schema());
          legacy.setField("v", 99L);
          legacy.setField("event_timestamp", T.atOffset(ZoneOffset.UTC));
          TableAppender.append(table, List.of(legacy));
        });

    List<MaterializationResult> results = store.materialize(T.minusSeconds(1), T);

    assertThat(results)
        .singleElement()
        .satisfies(
            result -> {
              assertThat(result.rows()).isEqualTo(1);
              assertThat(result.skippedRows()).isEqualTo(1);
            });
    assertThat(
            store
                .getOnlineFeatures(List.of("legacy:v"), List.of(Map.of("driver_id", 1L)), false)
                .rows()
                .get(0))
        .containsEntry("v", 10L);
    assertThat(store.registry().materializations().get("legacy")).hasSize(1);
  }

  @Test
  void aSourceTableThatGainedAColumnStillRetrieves() {
    FeatureView view = view("evolving", Field.of("v", ValueType.INT64));
    store.apply(DRIVER, view);
    store.writeToOfflineStore(
        "evolving",
        RowSet.builder(KEY, Field.of("v", ValueType.INT64), TS).add(1L, 10L, T).build());
    sourceTable(
        "evolving",
        table -> table.updateSchema().addColumn("extra", Types.StringType.get()).commit());
    store.writeToOfflineStore(
        "evolving",
        RowSet.builder(KEY, Field.of("v", ValueType.INT64), Field.of("extra", ValueType.STRING), TS)
            .add(2L, 20L, "new", T)
            .build());
    FeatureView widened =
        view("evolving", Field.of("v", ValueType.INT64), Field.of("extra", ValueType.STRING));
    store.apply(widened);

    RowSet old =
        store
            .getHistoricalFeatures(
                EntitySource.of(entities(1L, T, 2L, T)), List.of("evolving:v"), false)
            .toRowSet();
    RowSet both =
        store
            .getHistoricalFeatures(
                EntitySource.of(entities(1L, T, 2L, T)),
                List.of("evolving:v", "evolving:extra"),
                false)
            .toRowSet();
    store.materialize(T.minusSeconds(1), T);
    OnlineResponse online =
        store.getOnlineFeatures(
            List.of("evolving:v", "evolving:extra"),
            List.of(Map.of("driver_id", 1L), Map.of("driver_id", 2L)),
            false);

    assertThat(old.toMaps()).extracting(m -> m.get("v")).containsExactlyInAnyOrder(10L, 20L);
    assertThat(both.toMaps())
        .extracting(m -> m.get("driver_id"), m -> m.get("extra"))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(1L, null),
            org.assertj.core.groups.Tuple.tuple(2L, "new"));
    assertThat(online.rows().get(0)).containsEntry("v", 10L).containsEntry("extra", null);
    assertThat(online.rows().get(1)).containsEntry("v", 20L).containsEntry("extra", "new");
  }
}
