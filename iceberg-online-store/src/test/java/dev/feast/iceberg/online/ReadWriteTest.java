package dev.feast.iceberg.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import dev.feast.iceberg.spi.online.FeatureStatus;
import dev.feast.iceberg.spi.online.FeatureValue;
import dev.feast.iceberg.spi.online.OnlineResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** N1–N4 and N8: what a write puts in and a read gets back. */
class ReadWriteTest extends OnlineStoreFixture {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"entity_hash", "timestamp", "hybrid"})
  void n1ReadsOneResultPerKeyInInputOrderWithMissingAndDuplicates(String strategy) {
    IcebergOnlineStore store = store(config(strategy, 3_600_000L, null), Clock.systemUTC());
    FeatureView view = driverStats();
    store.update(List.of(view), List.of());
    store.write(
        view,
        List.of(
            row(driver(1), at(0), null, "conv_rate", 0.1f, "trips", 1, "rating", 1.0),
            row(driver(2), at(60), null, "conv_rate", 0.2f, "trips", 2, "rating", 2.0)));

    List<EntityKey> keys = List.of(driver(2), driver(99), driver(1), driver(2));
    List<OnlineResult> results = store.read(view, keys, List.of("trips"));

    assertThat(results).extracting(OnlineResult::key).containsExactlyElementsOf(keys);
    assertThat(results).extracting(r -> r.value("trips")).containsExactly(2, null, 1, 2);
    assertThat(results)
        .extracting(OnlineResult::eventTimestamp)
        .containsExactly(at(60), null, at(0), at(60));
    assertThat(results.get(1).found()).isFalse();
    assertThat(results.get(1).features())
        .containsExactly(org.assertj.core.api.Assertions.entry("trips", FeatureValue.NOT_FOUND));
    assertThat(results.get(0)).isEqualTo(results.get(3));
  }

  @Test
  void n2ReturnsOnlyRequestedFeaturesInRequestOrder() {
    IcebergOnlineStore store = store();
    FeatureView view = driverStats();
    store.update(List.of(view), List.of());
    store.write(
        view, List.of(row(driver(1), at(0), null, "conv_rate", 0.5f, "trips", 7, "rating", 4.5)));

    OnlineResult result =
        store.read(view, List.of(driver(1)), List.of("rating", "conv_rate")).get(0);

    assertThat(result.features().keySet()).containsExactly("rating", "conv_rate");
    assertThat(result.value("rating")).isEqualTo(4.5);
    assertThat(result.value("conv_rate")).isEqualTo(0.5f);
    assertThat(store.read(view, List.of(driver(1), driver(2)), List.of()))
        .allSatisfy(r -> assertThat(r.features()).isEmpty());
  }

  @Test
  void unknownFeatureIsAnErrorNamingItAndTheView() {
    IcebergOnlineStore store = store();
    FeatureView view = driverStats();
    store.update(List.of(view), List.of());

    assertThatThrownBy(() -> store.read(view, List.of(driver(1)), List.of("trips", "speed")))
        .isInstanceOf(UnknownDefinitionException.class)
        .hasMessageContaining("'speed'")
        .hasMessageContaining("'driver_stats'");
  }

  @Test
  void n3ReadsTheLatestValueWithItsEventTimestamp() {
    IcebergOnlineStore store = store();
    FeatureView view = driverStats();
    store.update(List.of(view), List.of());
    store.write(view, List.of(row(driver(1), at(0), null, "trips", 1)));
    store.write(view, List.of(row(driver(1), at(10), null, "trips", 2, "rating", 3.0)));

    OnlineResult result =
        store.read(view, List.of(driver(1)), List.of("trips", "conv_rate")).get(0);

    assertThat(result.eventTimestamp()).isEqualTo(at(10));
    assertThat(result.value("trips")).isEqualTo(2);
    assertThat(result.features().get("conv_rate").status()).isEqualTo(FeatureStatus.NULL_VALUE);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"entity_hash", "timestamp", "hybrid"})
  void n4GreatestEventThenCreatedWinsWhateverTheBatchOrder(String strategy) {
    IcebergOnlineStoreConfig config = config(strategy, 3_600_000L, null);
    IcebergOnlineStore store = store(config, Clock.systemUTC());
    FeatureView view = driverStats();
    store.update(List.of(view), List.of());
    // Backfill: same event time, later created wins (1001 -> 20).
    store.write(view, List.of(row(driver(1001), at(0), at(5), "trips", 20)));
    store.write(view, List.of(row(driver(1001), at(0), at(1), "trips", 10)));
    store.write(view, List.of(row(driver(1001), at(0), null, "trips", 5)));
    // A later event beats an earlier one with a later created (1002 -> 40).
    store.write(view, List.of(row(driver(1002), at(10), at(11), "trips", 40)));
    store.write(view, List.of(row(driver(1002), at(5), at(30), "trips", 30)));
    // An older write after a newer one never replaces it.
    store.write(view, List.of(row(driver(1003), at(20), null, "trips", 2)));
    store.write(view, List.of(row(driver(1003), at(19), null, "trips", 1)));
    // Within one batch the greatest wins, whatever its position.
    store.write(
        view,
        List.of(
            row(driver(1004), at(1), null, "trips", 1),
            row(driver(1004), at(3), at(0), "trips", 3),
            row(driver(1004), at(3), null, "trips", 2),
            row(driver(1004), at(2), at(9), "trips", 0)));

    List<EntityKey> keys = List.of(driver(1001), driver(1002), driver(1003), driver(1004));
    Supplier<List<Object>> freshAnswer =
        () ->
            store(config, Clock.systemUTC()).read(view, keys, List.of("trips")).stream()
                .map(r -> r.value("trips"))
                .toList();

    assertThat(store.read(view, keys, List.of("trips")))
        .extracting(r -> r.value("trips"))
        .containsExactly(20, 40, 2, 3);
    assertThat(store.read(view, keys, List.of("trips")))
        .extracting(OnlineResult::eventTimestamp)
        .containsExactly(at(0), at(10), at(20), at(3));
    // A store that builds its state from the table's files agrees.
    assertThat(freshAnswer.get()).containsExactly(20, 40, 2, 3);
  }

  @Test
  void n4OnAFullTieTheLaterWriteWinsInMemoryAndFromFiles() {
    IcebergOnlineStore store = store();
    FeatureView view = driverStats();
    store.update(List.of(view), List.of());
    store.write(view, List.of(row(driver(1), at(0), at(1), "trips", 1)));
    store.write(view, List.of(row(driver(1), at(0), at(1), "trips", 2)));

    assertThat(store.read(view, List.of(driver(1)), List.of("trips")).get(0).value("trips"))
        .isEqualTo(2);
    assertThat(store().read(view, List.of(driver(1)), List.of("trips")).get(0).value("trips"))
        .isEqualTo(2);
  }

  @Test
  void n8EntityLessViewReadsAndWritesUnderTheEmptyKey() {
    IcebergOnlineStore store = store();
    FeatureView global = view("global_stats", null, Duration.ZERO);
    store.update(List.of(global), List.of());
    store.write(global, List.of(row(EntityKey.EMPTY, at(0), null, "value", 7L)));
    store.write(global, List.of(row(EntityKey.EMPTY, at(1), null, "value", 8L)));

    List<OnlineResult> results =
        store.read(global, List.of(EntityKey.EMPTY, EntityKey.EMPTY), List.of("value"));

    assertThat(results).extracting(r -> r.value("value")).containsExactly(8L, 8L);
    assertThat(results.get(0).key()).isEqualTo(EntityKey.EMPTY);
  }

  @Test
  void compositeKeysMatchWhateverOrderTheJoinKeysAreGivenIn() {
    IcebergOnlineStore store = store();
    FeatureView order =
        FeatureView.builder("order")
            .entity(CUSTOMER)
            .entity(DRIVER)
            .feature("value", dev.feast.iceberg.spi.ValueType.INT64)
            .source(dev.feast.iceberg.spi.IcebergSource.of("raw.order", "event_timestamp"))
            .build();
    store.update(List.of(order), List.of());
    EntityKey written = new EntityKey(List.of("driver_id", "customer_id"), List.of(1L, "5"));
    EntityKey asked = new EntityKey(List.of("customer_id", "driver_id"), List.of("5", 1L));
    store.write(order, List.of(row(written, at(0), null, "value", 3L)));

    assertThat(store.read(order, List.of(asked), List.of("value")).get(0).value("value"))
        .isEqualTo(3L);
    assertThat(
            store
                .read(
                    order,
                    List.of(new EntityKey(List.of("customer_id", "driver_id"), List.of("5", 2L))),
                    List.of("value"))
                .get(0)
                .found())
        .isFalse();
  }
}
