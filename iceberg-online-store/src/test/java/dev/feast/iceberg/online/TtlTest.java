package dev.feast.iceberg.online;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.online.FeatureStatus;
import dev.feast.iceberg.spi.online.FeatureValue;
import dev.feast.iceberg.spi.online.OnlineCapability;
import dev.feast.iceberg.spi.online.OnlineResult;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** N11 (read side): values older than the view's ttl, measured against an injected clock. */
class TtlTest extends OnlineStoreFixture {
  private static final Clock NOW = Clock.fixed(at(120), ZoneOffset.UTC);
  private final FeatureView hourly = view("hourly", DRIVER, Duration.ofHours(1));

  private IcebergOnlineStore storeWith(String ttlMode) {
    IcebergOnlineStore store = store(config("entity_hash", 3_600_000L, ttlMode), NOW);
    store.update(List.of(hourly), List.of());
    store.write(
        hourly,
        List.of(
            row(driver(1), at(59), null, "value", 1L),
            row(driver(2), at(60), null, "value", 2L),
            row(driver(3), at(119), null, "value", 3L)));
    return store;
  }

  @Test
  void valuesOlderThanTheTtlAreOutsideMaxAgeAndTheBoundIsInclusive() {
    IcebergOnlineStore store = storeWith(null);

    List<OnlineResult> results =
        store.read(hourly, List.of(driver(1), driver(2), driver(3)), List.of("value"));

    assertThat(store.capabilities()).contains(OnlineCapability.TTL);
    assertThat(results.get(0).features().get("value"))
        .isEqualTo(new FeatureValue(null, FeatureStatus.OUTSIDE_MAX_AGE));
    assertThat(results.get(0).eventTimestamp()).isEqualTo(at(59));
    assertThat(results.get(1).value("value")).isEqualTo(2L);
    assertThat(results.get(2).value("value")).isEqualTo(3L);
  }

  @Test
  void inAbsentModeExpiredValuesLookNeverWritten() {
    IcebergOnlineStore store = storeWith("absent");

    OnlineResult expired = store.read(hourly, List.of(driver(1)), List.of("value")).get(0);

    assertThat(expired.found()).isFalse();
    assertThat(expired.features().get("value")).isEqualTo(FeatureValue.NOT_FOUND);
    assertThat(store.read(hourly, List.of(driver(2)), List.of("value")).get(0).value("value"))
        .isEqualTo(2L);
  }

  @Test
  void aViewWithoutTtlNeverExpires() {
    IcebergOnlineStore store = store(config("entity_hash", 3_600_000L, null), NOW);
    FeatureView forever = view("forever", DRIVER, Duration.ZERO);
    store.update(List.of(forever), List.of());
    store.write(forever, List.of(row(driver(1), at(-100_000), null, "value", 1L)));

    assertThat(store.read(forever, List.of(driver(1)), List.of("value")).get(0).value("value"))
        .isEqualTo(1L);
  }
}
