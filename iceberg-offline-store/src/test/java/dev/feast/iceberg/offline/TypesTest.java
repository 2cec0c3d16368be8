package dev.feast.iceberg.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** O18: result values keep their types; an empty source gives typed NULLs. */
class TypesTest extends StoreTestBase {
  private static final List<ValueType> TYPES =
      List.of(
          ValueType.FLOAT,
          ValueType.INT32,
          ValueType.INT64,
          ValueType.DOUBLE,
          ValueType.STRING,
          ValueType.BOOL,
          ValueType.BYTES,
          ValueType.UNIX_TIMESTAMP,
          ValueType.INT64_LIST,
          ValueType.FLOAT_LIST,
          ValueType.STRING_LIST,
          ValueType.UNIX_TIMESTAMP_LIST);

  private static FeatureView allTypes() {
    FeatureView.Builder builder =
        FeatureView.builder("all_types")
            .entity(DRIVER)
            .source(IcebergSource.of("feast.all_types", "ts"));
    for (ValueType type : TYPES) {
      builder.feature("f_" + type.name().toLowerCase(Locale.ROOT), type);
    }
    return builder.build();
  }

  private static RowSet.Builder sourceRows() {
    List<Field> columns = new ArrayList<>();
    columns.add(Field.of("driver_id", ValueType.INT64));
    columns.add(Field.of("ts", ValueType.UNIX_TIMESTAMP));
    for (ValueType type : TYPES) {
      columns.add(Field.of("f_" + type.name().toLowerCase(Locale.ROOT), type));
    }
    return RowSet.builder(columns);
  }

  @ParameterizedTest(name = "pruning={0}")
  @ValueSource(booleans = {true, false})
  void valuesComeBackWithTheirTypes(boolean pruning) {
    OfflineStore store = store(pruning);
    FeatureView view = allTypes();
    List<Object> full =
        Arrays.asList(
            1L,
            at(1),
            1.25f,
            7,
            1L << 40,
            2.5,
            "x",
            true,
            ByteBuffer.wrap(new byte[] {1, 2}),
            at(0),
            List.of(1L, 2L),
            List.of(0.5f),
            Arrays.asList("a", null),
            List.of(at(0)));
    List<Object> empty =
        Arrays.asList(
            2L, at(1), null, null, null, null, null, false, null, null, List.of(), List.of(),
            List.of(), List.of());
    store.writeBatch(view, sourceRows().add(full).add(empty).build());
    RowSet entities = driverEntities().add(1L, at(2)).add(2L, at(2)).add(3L, at(2)).build();

    RowSet result =
        retrieve(
            store,
            HistoricalRequest.of(EntitySource.of(entities), List.of(ViewSelection.all(view))));

    assertThat(result.columns().subList(2, result.columns().size())).isEqualTo(view.features());
    assertThat(result.rows().get(0).subList(2, result.columns().size()))
        .isEqualTo(full.subList(2, full.size()));
    assertThat(result.rows().get(0).get(2)).isInstanceOf(Float.class);
    assertThat(result.rows().get(0).get(3)).isInstanceOf(Integer.class);
    assertThat(result.rows().get(1).subList(2, result.columns().size()))
        .isEqualTo(empty.subList(2, empty.size()));
    assertThat(result.rows().get(2).subList(2, result.columns().size())).containsOnlyNulls();
  }

  @ParameterizedTest(name = "pruning={0}")
  @ValueSource(booleans = {true, false})
  void aSourceWithoutDataGivesTypedNulls(boolean pruning) {
    OfflineStore store = store(pruning);
    FeatureView view = allTypes();
    store.writeBatch(view, sourceRows().build());
    RowSet entities = driverEntities().add(1L, at(2)).build();

    RowSet result =
        retrieve(
            store,
            HistoricalRequest.of(EntitySource.of(entities), List.of(ViewSelection.all(view))));

    assertThat(result.columns().subList(2, result.columns().size())).isEqualTo(view.features());
    assertThat(result.size()).isEqualTo(1);
    assertThat(result.rows().get(0).subList(2, result.columns().size())).containsOnlyNulls();
  }

  @ParameterizedTest(name = "pruning={0}")
  @ValueSource(booleans = {true, false})
  void noEntityRowsGiveAnEmptyTypedResult(boolean pruning) {
    OfflineStore store = store(pruning);
    FeatureView view = driverStats(Duration.ofHours(1));
    store.writeBatch(view, driverRows().add(1L, at(1), at(1), 1.0f, 1).build());

    RowSet result =
        retrieve(
            store,
            HistoricalRequest.of(
                EntitySource.of(driverEntities().build()), List.of(ViewSelection.all(view))));

    assertThat(result.size()).isZero();
    assertThat(result.columnNames())
        .containsExactly("driver_id", "event_timestamp", "conv_rate", "trips");
  }
}
