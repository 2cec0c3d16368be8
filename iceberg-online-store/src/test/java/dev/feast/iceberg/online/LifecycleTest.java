package dev.feast.iceberg.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.online.FeatureStatus;
import dev.feast.iceberg.spi.online.OnlineResult;
import java.time.Duration;
import java.util.List;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Test;

/** N5, N6: per-view tables created and dropped by update and teardown. */
class LifecycleTest extends OnlineStoreFixture {
  private static final TableIdentifier DRIVERS = TableIdentifier.of("feast_online", "test_drivers");
  private static final TableIdentifier CUSTOMERS =
      TableIdentifier.of("feast_online", "test_customers");

  @Test
  void n5DroppingOneViewLeavesAnotherViewOfTheSameEntityIntact() {
    IcebergOnlineStore store = store();
    FeatureView drivers = view("drivers", DRIVER, Duration.ZERO);
    FeatureView other = view("driver_other", DRIVER, Duration.ZERO);
    store.update(List.of(drivers, other), List.of());
    store.write(drivers, List.of(row(driver(1), at(0), null, "value", 1L)));
    store.write(other, List.of(row(driver(1), at(0), null, "value", 2L)));

    store.update(List.of(other), List.of(drivers));

    assertThat(catalog().tableExists(DRIVERS)).isFalse();
    assertThat(store.read(other, List.of(driver(1)), List.of("value")).get(0).value("value"))
        .isEqualTo(2L);
    assertThat(store().read(other, List.of(driver(1)), List.of("value")).get(0).value("value"))
        .isEqualTo(2L);
  }

  @Test
  void n5ARecreatedViewStartsEmpty() {
    IcebergOnlineStore store = store();
    FeatureView drivers = view("drivers", DRIVER, Duration.ZERO);
    store.update(List.of(drivers), List.of());
    store.write(drivers, List.of(row(driver(1), at(0), null, "value", 1L)));
    assertThat(store.read(drivers, List.of(driver(1)), List.of("value")).get(0).found()).isTrue();

    store.update(List.of(), List.of(drivers));
    store.update(List.of(drivers), List.of());

    assertThat(catalog().tableExists(DRIVERS)).isTrue();
    assertThat(store.read(drivers, List.of(driver(1)), List.of("value")).get(0).found()).isFalse();
  }

  @Test
  void aViewRecreatedByAnotherStoreIsServedFromItsNewTable() {
    IcebergOnlineStore reader = store(config("entity_hash", 0L, null), java.time.Clock.systemUTC());
    IcebergOnlineStore admin = store();
    FeatureView drivers = view("drivers", DRIVER, Duration.ZERO);
    admin.update(List.of(drivers), List.of());
    admin.write(drivers, List.of(row(driver(1), at(0), null, "value", 1L)));
    assertThat(reader.read(drivers, List.of(driver(1)), List.of("value")).get(0).found()).isTrue();

    admin.update(List.of(), List.of(drivers));
    admin.update(List.of(drivers), List.of());
    admin.write(drivers, List.of(row(driver(2), at(0), null, "value", 2L)));

    List<OnlineResult> results =
        reader.read(drivers, List.of(driver(1), driver(2)), List.of("value"));
    assertThat(results).extracting(OnlineResult::found).containsExactly(false, true);
  }

  @Test
  void n6TeardownRemovesEveryTableAndReadsAfterItFindNothing() {
    IcebergOnlineStore store = store();
    FeatureView drivers = view("drivers", DRIVER, Duration.ZERO);
    FeatureView customers = view("customers", CUSTOMER, Duration.ZERO);
    store.update(List.of(drivers, customers), List.of());
    store.write(drivers, List.of(row(driver(1), at(0), null, "value", 1L)));

    store.teardown(List.of(drivers, customers));

    assertThat(catalog().tableExists(DRIVERS)).isFalse();
    assertThat(catalog().tableExists(CUSTOMERS)).isFalse();
    assertThatThrownBy(() -> store.read(drivers, List.of(driver(1)), List.of("value")))
        .isInstanceOf(UnknownDefinitionException.class)
        .hasMessageContaining("'drivers'")
        .hasMessageContaining("feast_online.test_drivers")
        .hasMessageContaining("apply");
    store.update(List.of(drivers), List.of());
    assertThat(store.read(drivers, List.of(driver(1)), List.of("value")).get(0).found()).isFalse();
  }

  @Test
  void writingOrReadingAViewNeverAppliedSaysToApplyIt() {
    IcebergOnlineStore store = store();
    FeatureView drivers = view("drivers", DRIVER, Duration.ZERO);

    assertThatThrownBy(() -> store.write(drivers, List.of(row(driver(1), at(0), null))))
        .isInstanceOf(UnknownDefinitionException.class)
        .hasMessageContaining("apply the feature view first (FeatureStore.apply");
    assertThatThrownBy(() -> store.read(drivers, List.of(driver(1)), List.of("value")))
        .isInstanceOf(UnknownDefinitionException.class)
        .hasMessageContaining("apply the feature view first (FeatureStore.apply");
    assertThat(catalog().tableExists(DRIVERS)).isFalse();
  }

  @Test
  void updateKeepsExistingDataAndAddsNewFeatureColumns() {
    IcebergOnlineStore store = store();
    FeatureView v1 = view("drivers", DRIVER, Duration.ZERO);
    store.update(List.of(v1), List.of());
    store.write(v1, List.of(row(driver(1), at(0), null, "value", 1L)));
    FeatureView v2 =
        FeatureView.builder("drivers")
            .entity(DRIVER)
            .feature("value", ValueType.INT64)
            .feature("score", ValueType.FLOAT_LIST)
            .source(IcebergSource.of("raw.drivers", "event_timestamp"))
            .build();

    store.update(List.of(v2), List.of());
    store.write(v2, List.of(row(driver(2), at(0), null, "value", 2L, "score", List.of(1f))));

    List<OnlineResult> results =
        store.read(v2, List.of(driver(1), driver(2)), List.of("value", "score"));
    assertThat(results).extracting(r -> r.value("value")).containsExactly(1L, 2L);
    assertThat(results.get(0).features().get("score").status()).isEqualTo(FeatureStatus.NULL_VALUE);
    assertThat(results.get(1).value("score")).isEqualTo(List.of(1f));
    assertThat(store().read(v2, List.of(driver(1), driver(2)), List.of("score")))
        .extracting(r -> r.value("score"))
        .containsExactly(null, List.of(1f));
  }

  @Test
  void aNewInstanceReadsANumberColumnAddedLaterAsNullForOlderFiles() {
    // Number-only views are decoded column by column from the files: an added column is absent
    // from the older files, and a null within a file must stay null.
    IcebergOnlineStore store = store();
    FeatureView v1 = view("drivers", DRIVER, Duration.ZERO);
    store.update(List.of(v1), List.of());
    store.write(v1, List.of(row(driver(1), at(0), null, "value", 1L)));
    FeatureView v2 =
        FeatureView.builder("drivers")
            .entity(DRIVER)
            .feature("value", ValueType.INT64)
            .feature("rate", ValueType.DOUBLE)
            .source(IcebergSource.of("raw.drivers", "event_timestamp"))
            .build();
    store.update(List.of(v2), List.of());
    store.write(
        v2,
        List.of(
            row(driver(2), at(0), null, "value", 2L, "rate", 0.5),
            row(driver(3), at(0), null, "rate", 0.25)));

    List<OnlineResult> results =
        store().read(v2, List.of(driver(1), driver(2), driver(3)), List.of("value", "rate"));

    assertThat(results).extracting(r -> r.value("value")).containsExactly(1L, 2L, null);
    assertThat(results).extracting(r -> r.value("rate")).containsExactly(null, 0.5, 0.25);
    assertThat(results.get(0).features().get("rate").status()).isEqualTo(FeatureStatus.NULL_VALUE);
    assertThat(results.get(2).features().get("value").status()).isEqualTo(FeatureStatus.NULL_VALUE);
  }

  @Test
  void aFeatureTypeChangeOrAReservedNameIsRejected() {
    IcebergOnlineStore store = store();
    store.update(List.of(view("drivers", DRIVER, Duration.ZERO)), List.of());
    FeatureView changed =
        FeatureView.builder("drivers")
            .entity(DRIVER)
            .feature("value", ValueType.STRING)
            .source(IcebergSource.of("raw.drivers", "event_timestamp"))
            .build();
    FeatureView reserved =
        FeatureView.builder("reserved")
            .entity(DRIVER)
            .feature("event_ts", ValueType.STRING)
            .source(IcebergSource.of("raw.reserved", "event_timestamp"))
            .build();

    assertThatThrownBy(() -> store.update(List.of(changed), List.of()))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("'value'")
        .hasMessageContaining("STRING");
    assertThatThrownBy(() -> store.update(List.of(reserved), List.of()))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("'event_ts'");
  }

  @Test
  void closeReleasesTheStoreButLeavesTheCatalogOpen() {
    IcebergOnlineStore store = store();
    FeatureView drivers = view("drivers", DRIVER, Duration.ZERO);
    store.update(List.of(drivers), List.of());

    store.close();

    assertThatThrownBy(() -> store.read(drivers, List.of(driver(1)), List.of("value")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(catalog().tableExists(DRIVERS)).isTrue();
  }
}
