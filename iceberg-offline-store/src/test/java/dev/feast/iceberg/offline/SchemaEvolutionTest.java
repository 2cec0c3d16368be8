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
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Columns are read by Iceberg field id: renames keep values, added columns read as NULL. */
class SchemaEvolutionTest extends StoreTestBase {

  @ParameterizedTest(name = "pruning={0}")
  @ValueSource(booleans = {true, false})
  void renamedAndAddedColumnsReadAsIcebergDefines(boolean pruning) {
    OfflineStore store = store(pruning);
    store.writeBatch(
        driverStats(Duration.ZERO), driverRows().add(1L, at(1), at(1), 1.5f, 1).build());
    Table table =
        context
            .catalog(TestPluginContext.sqliteCatalog(context.repoPath()))
            .catalog()
            .loadTable(TableIdentifier.parse("feast.driver_stats"));
    table
        .updateSchema()
        .renameColumn("conv_rate", "conversion")
        .addColumn("speed", Types.DoubleType.get())
        .commit();
    FeatureView evolved =
        FeatureView.builder("driver_stats")
            .entity(DRIVER)
            .feature("conversion", ValueType.FLOAT)
            .feature("speed", ValueType.DOUBLE)
            .source(IcebergSource.of("feast.driver_stats", "event_ts", "created"))
            .build();
    store.writeBatch(
        evolved,
        RowSet.builder(
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_ts", ValueType.UNIX_TIMESTAMP),
                Field.of("created", ValueType.UNIX_TIMESTAMP),
                Field.of("conversion", ValueType.FLOAT),
                Field.of("speed", ValueType.DOUBLE))
            .add(2L, at(1), at(1), 2.5f, 90.0)
            .build());
    RowSet entities = driverEntities().add(1L, at(2)).add(2L, at(2)).build();

    RowSet result =
        retrieve(
            store,
            HistoricalRequest.of(EntitySource.of(entities), List.of(ViewSelection.all(evolved))));

    assertThat(result.rows())
        .containsExactly(Arrays.asList(1L, at(2), 1.5f, null), List.of(2L, at(2), 2.5f, 90.0));
  }
}
