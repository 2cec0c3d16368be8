package dev.feast.iceberg.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.InvalidEntityRowsException;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.OfflineCapability;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retrieval over a date range without entity rows: one row per key seen in the range, at its end.
 */
class DateRangeTest extends StoreTestBase {
  private OfflineStore store;
  private FeatureView drivers;
  private FeatureView global;

  @BeforeEach
  void writeSources() {
    store = store(true);
    drivers = driverStats(Duration.ofHours(4));
    store.writeBatch(
        drivers,
        driverRows()
            .add(3L, at(1), at(1), 0.3f, 3) // before the range: driver 3 is not an entity row
            .add(2L, at(5), at(5), 0.2f, 2)
            .add(1L, at(6), at(6), 0.1f, 1)
            .add(1L, at(8), at(8), 0.15f, 11)
            .add(1L, at(8), at(9), 0.16f, 12) // same event time, created later: wins
            .add(2L, at(20), at(20), 0.9f, 9) // after the range
            .build());
    global =
        FeatureView.builder("global_stats")
            .feature("active_drivers", ValueType.INT32)
            .ttl(Duration.ofDays(1))
            .source(IcebergSource.of("feast.global_stats", "ts"))
            .build();
    store.writeBatch(
        global,
        RowSet.builder(
                Field.of("ts", ValueType.UNIX_TIMESTAMP),
                Field.of("active_drivers", ValueType.INT32))
            .add(at(7), 70)
            .build());
  }

  @Test
  void oneRowPerKeyInTheRangeJoinedAtItsEnd() {
    try (RetrievalJob job =
        store.getHistoricalFeaturesBetween(
            List.of(ViewSelection.all(drivers), ViewSelection.all(global)), at(4), at(10), false)) {
      RowSet result = job.toRowSet();

      assertThat(result.columnNames())
          .containsExactly("driver_id", "event_timestamp", "conv_rate", "trips", "active_drivers");
      // Driver 2's only row in range (hour 5) is older than the 4 h ttl at hour 10.
      assertThat(result.rows())
          .containsExactly(
              List.of(1L, at(10), 0.16f, 12, 70), Arrays.asList(2L, at(10), null, null, 70));
    }
  }

  @Test
  void anEmptyRangeGivesNoRows() {
    try (RetrievalJob job =
        store.getHistoricalFeaturesBetween(
            List.of(ViewSelection.all(drivers)), at(30), at(40), true)) {
      assertThat(job.toRowSet().rows()).isEmpty();
      assertThat(job.columns()).extracting(Field::name).contains("driver_stats__trips");
    }
  }

  @Test
  void viewsWithDifferentKeysAreRejectedNamingThem() {
    FeatureView customers =
        FeatureView.builder("customer_stats")
            .entity(CUSTOMER)
            .feature("spend", ValueType.DOUBLE)
            .source(IcebergSource.of("feast.customer_stats", "ts"))
            .build();

    assertThatThrownBy(
            () ->
                store.getHistoricalFeaturesBetween(
                    List.of(ViewSelection.all(drivers), ViewSelection.all(customers)),
                    at(0),
                    at(1),
                    false))
        .isInstanceOf(InvalidEntityRowsException.class)
        .hasMessageContaining("driver_stats")
        .hasMessageContaining("customer_stats");
    assertThat(store.capabilities()).contains(OfflineCapability.DATE_RANGE_RETRIEVAL);
  }
}
