package dev.feast.iceberg.online;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.SnapshotChanges;
import org.apache.iceberg.SortDirection;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** N7 and the table layout: key bytes, columns, partition spec per strategy, sort order. */
class TableLayoutTest extends OnlineStoreFixture {
  private static final String DRIVER_1001 =
      "0100000002000000090000006472697665725f69640400000008000000e903000000000000";
  private static final String CUSTOMER_5_DRIVER_1 =
      "02000000020000000b000000637573746f6d65725f696402000000090000006472697665725f6964020000"
          + "00010000003504000000080000000100000000000000";

  @Test
  void n7TheStoredKeyColumnHoldsFeastVersion3Bytes() throws IOException {
    IcebergOnlineStore store = store();
    FeatureView drivers = view("drivers", DRIVER, Duration.ZERO);
    FeatureView orders =
        FeatureView.builder("orders")
            .entity(DRIVER)
            .entity(CUSTOMER)
            .feature("value", dev.feast.iceberg.spi.ValueType.INT64)
            .source(dev.feast.iceberg.spi.IcebergSource.of("raw.orders", "event_timestamp"))
            .build();
    store.update(List.of(drivers, orders), List.of());
    store.write(drivers, List.of(row(driver(1001), at(0), null, "value", 1L)));
    // Given driver first: the bytes sort join keys by name.
    EntityKey composite = new EntityKey(List.of("driver_id", "customer_id"), List.of(1L, "5"));
    store.write(orders, List.of(row(composite, at(0), null, "value", 1L)));

    assertThat(storedKeys(table("drivers"))).containsExactly(DRIVER_1001);
    assertThat(storedKeys(table("orders"))).containsExactly(CUSTOMER_5_DRIVER_1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "entity_hash, bucket[4](entity_key)",
    "timestamp, hour(event_ts)",
    "hybrid, bucket[4](entity_key) hour(event_ts)"
  })
  void eachStrategyPartitionsTheTableAndServesTheSameAnswers(String strategy, String fields) {
    IcebergOnlineStore store = store(config(strategy, 3_600_000L, null), Clock.systemUTC());
    FeatureView drivers = view("drivers", DRIVER, Duration.ZERO);
    store.update(List.of(drivers), List.of());
    List<dev.feast.iceberg.spi.online.OnlineRow> rows = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      rows.add(row(driver(i), at(i * 37), null, "value", (long) i));
    }
    store.write(drivers, rows);

    Table table = table("drivers");
    assertThat(table.spec().fields())
        .extracting(f -> describe(table, f))
        .containsExactly(fields.split(" "));
    assertThat(
            SnapshotChanges.builderFor(table)
                .snapshot(table.currentSnapshot())
                .build()
                .addedDataFiles())
        .hasSizeGreaterThan(1);
    List<EntityKey> keys = List.of(driver(49), driver(0), driver(17));
    assertThat(store().read(drivers, keys, List.of("value")))
        .extracting(r -> r.value("value"))
        .containsExactly(49L, 0L, 17L);
  }

  @Test
  void theDefaultLayoutIsDailyAndSixteenBucketsSortedByKeyWithParquetAndBloomFilters() {
    IcebergOnlineStore store =
        store(IcebergOnlineStoreConfig.defaults(catalogConfig), Clock.systemUTC());
    store.update(List.of(view("drivers", DRIVER, Duration.ZERO)), List.of());

    Table table = table("drivers");
    assertThat(table.spec().fields())
        .extracting(f -> describe(table, f))
        .containsExactly("bucket[16](entity_key)");
    assertThat(table.sortOrder().fields()).hasSize(1);
    assertThat(table.sortOrder().fields().get(0).direction()).isEqualTo(SortDirection.ASC);
    assertThat(table.schema().findColumnName(table.sortOrder().fields().get(0).sourceId()))
        .isEqualTo("entity_key");
    assertThat(table.schema().columns())
        .extracting(Types.NestedField::name)
        .containsExactly("entity_key", "event_ts", "created_ts", "value");
    assertThat(table.schema().findType("entity_key")).isEqualTo(Types.BinaryType.get());
    assertThat(table.schema().findType("event_ts")).isEqualTo(Types.TimestampType.withZone());
    assertThat(table.properties())
        .contains(
            Map.entry("write.format.default", "parquet"),
            Map.entry("write.parquet.bloom-filter-enabled.column.entity_key", "true"),
            Map.entry("write.metadata.metrics.column.entity_key", "full"),
            Map.entry("feast.project", "test"),
            Map.entry("feast.view", "drivers"));
  }

  @Test
  void applyKeepsTheKeyBoundsOfATableCreatedWithoutThemInFull() {
    IcebergOnlineStore store =
        store(IcebergOnlineStoreConfig.defaults(catalogConfig), Clock.systemUTC());
    FeatureView drivers = view("drivers", DRIVER, Duration.ZERO);
    store.update(List.of(drivers), List.of());
    table("drivers").updateProperties().remove("write.metadata.metrics.column.entity_key").commit();

    store.update(List.of(drivers), List.of());

    assertThat(table("drivers").properties())
        .containsEntry("write.metadata.metrics.column.entity_key", "full");
  }

  @Test
  void dailyPartitionsWhenTheGranularityIsDay() {
    IcebergOnlineStoreConfig config =
        IcebergOnlineStoreConfig.builder(catalogConfig)
            .namespace("online.v1")
            .partitionStrategy(PartitionStrategy.HYBRID)
            .partitionBuckets(8)
            .timestampGranularity(TimestampGranularity.DAY)
            .build();
    IcebergOnlineStore store = store(config, Clock.systemUTC());
    store.update(List.of(view("drivers", DRIVER, Duration.ZERO)), List.of());

    Table table =
        catalog()
            .loadTable(org.apache.iceberg.catalog.TableIdentifier.parse("online.v1.test_drivers"));
    assertThat(table.spec().fields())
        .extracting(f -> describe(table, f))
        .containsExactly("bucket[8](entity_key)", "day(event_ts)");
  }

  private static String describe(Table table, PartitionField field) {
    return field.transform() + "(" + table.schema().findColumnName(field.sourceId()) + ")";
  }

  private static List<String> storedKeys(Table table) throws IOException {
    List<String> keys = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      for (Record record : records) {
        ByteBuffer key = ((ByteBuffer) record.getField("entity_key")).duplicate();
        byte[] bytes = new byte[key.remaining()];
        key.get(bytes);
        keys.add(HexFormat.of().formatHex(bytes));
      }
    }
    return keys;
  }
}
