package dev.feast.iceberg.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.ViewSelection;
import dev.feast.iceberg.testsuite.Oracle;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * 2000 random entity rows over random keys, timestamps on a coarse grid (so equal timestamps and
 * rows exactly at the entity time are common), backfills and several ttls: the store must agree
 * with the oracle row for row, with pruning on and off, with and without the created filter.
 */
class RandomizedOracleTest extends StoreTestBase {
  private static final Entity CUSTOMER_ID = Entity.of("customer", "customer_id", ValueType.STRING);

  @Test
  void storeAgreesWithTheOracle() {
    Random random = new Random(20240501L);
    OfflineStore pruned = store(true);
    OfflineStore full = store(false);
    IcebergSource driverSource = IcebergSource.of("feast.drivers", "ts", "created");
    List<FeatureView> driverViews = new ArrayList<>();
    Duration[] ttls = {Duration.ZERO, Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(2)};
    for (int i = 0; i < ttls.length; i++) {
      driverViews.add(
          FeatureView.builder("drivers_" + i)
              .entity(DRIVER)
              .feature("value", ValueType.INT64)
              .feature("score", ValueType.FLOAT)
              .ttl(ttls[i])
              .source(driverSource)
              .build());
    }
    FeatureView orders =
        FeatureView.builder("orders")
            .entity(CUSTOMER_ID)
            .entity(DRIVER)
            .feature("count", ValueType.INT32)
            .ttl(Duration.ofDays(1))
            .source(IcebergSource.of("feast.orders", "ts"))
            .build();
    FeatureView global =
        FeatureView.builder("global")
            .feature("level", ValueType.DOUBLE)
            .ttl(Duration.ofHours(12))
            .source(IcebergSource.of("feast.global", "ts", "created"))
            .build();

    RowSet driverRows = driverSourceRows(random, 900);
    RowSet orderRows = orderSourceRows(random, 400);
    RowSet globalRows = globalSourceRows(random, 60);
    writeInBatches(pruned, driverViews.get(0), driverRows, 5);
    writeInBatches(pruned, orders, orderRows, 3);
    writeInBatches(pruned, global, globalRows, 2);
    RowSet entities = entityRows(random, 2000);

    List<ViewSelection> views = new ArrayList<>();
    driverViews.forEach(v -> views.add(ViewSelection.all(v)));
    views.add(ViewSelection.all(orders));
    views.add(ViewSelection.all(global));
    // The oracle reads source rows by source name; the driver views share one source.
    Map<String, RowSet> sources = new HashMap<>();
    sources.put(driverSource.name(), driverRows);
    sources.put(orders.source().name(), orderRows);
    sources.put(global.source().name(), globalRows);

    for (boolean filterByCreated : new boolean[] {false, true}) {
      HistoricalRequest request =
          new HistoricalRequest(EntitySource.of(entities), views, true, filterByCreated);
      RowSet expected = Oracle.historical(request, sources);
      RowSet prunedResult = retrieve(pruned, request);
      RowSet fullResult = retrieve(full, request);

      assertThat(prunedResult.columns()).isEqualTo(expected.columns());
      for (int r = 0; r < expected.size(); r++) {
        assertThat(prunedResult.rows().get(r))
            .as("row %d, filter %s", r, filterByCreated)
            .isEqualTo(expected.rows().get(r));
      }
      assertThat(prunedResult).isEqualTo(expected);
      assertThat(fullResult).isEqualTo(expected);
      // The data is not trivial: many rows match and many do not.
      assertThat(matches(expected, "drivers_0__value")).isBetween(500L, 1900L);
      assertThat(matches(expected, "drivers_1__value")).isBetween(30L, 1000L);
      assertThat(matches(expected, "orders__count")).isBetween(30L, 1900L);
      assertThat(matches(expected, "global__level")).isBetween(500L, 1900L);
    }
  }

  private static long matches(RowSet rows, String column) {
    return column(rows, column).stream().filter(v -> v != null).count();
  }

  private static Instant gridTime(Random random) {
    // 30-minute grid over three days: equal timestamps are frequent.
    return at(0).plus(Duration.ofMinutes(30L * random.nextInt(144)));
  }

  private static RowSet driverSourceRows(Random random, int count) {
    RowSet.Builder rows =
        RowSet.builder(
            Field.of("driver_id", ValueType.INT64),
            Field.of("ts", ValueType.UNIX_TIMESTAMP),
            Field.of("created", ValueType.UNIX_TIMESTAMP),
            Field.of("value", ValueType.INT64),
            Field.of("score", ValueType.FLOAT));
    for (int i = 0; i < count; i++) {
      Instant ts = gridTime(random);
      // Unique created per row (the seconds), sometimes long after the event (a backfill).
      Instant created = ts.plus(Duration.ofMinutes(30L * random.nextInt(8))).plusSeconds(i);
      rows.add((long) (1 + random.nextInt(30)), ts, created, (long) i, random.nextFloat());
    }
    return rows.build();
  }

  private static RowSet orderSourceRows(Random random, int count) {
    RowSet.Builder rows =
        RowSet.builder(
            Field.of("customer_id", ValueType.STRING),
            Field.of("driver_id", ValueType.INT64),
            Field.of("ts", ValueType.UNIX_TIMESTAMP),
            Field.of("count", ValueType.INT32));
    Set<List<Object>> seen = new HashSet<>();
    // No created column here, so (keys, ts) must be unique for the answer to be defined.
    while (seen.size() < count) {
      String customer = "c" + random.nextInt(5);
      long driver = 1 + random.nextInt(10);
      Instant ts = gridTime(random);
      if (seen.add(List.of(customer, driver, ts))) {
        rows.add(customer, driver, ts, seen.size());
      }
    }
    return rows.build();
  }

  private static RowSet globalSourceRows(Random random, int count) {
    RowSet.Builder rows =
        RowSet.builder(
            Field.of("ts", ValueType.UNIX_TIMESTAMP),
            Field.of("created", ValueType.UNIX_TIMESTAMP),
            Field.of("level", ValueType.DOUBLE));
    for (int i = 0; i < count; i++) {
      Instant ts = gridTime(random);
      rows.add(
          ts, ts.plus(Duration.ofHours(random.nextInt(3))).plusSeconds(i), random.nextDouble());
    }
    return rows.build();
  }

  private static RowSet entityRows(Random random, int count) {
    RowSet.Builder rows =
        RowSet.builder(
            Field.of("customer_id", ValueType.STRING),
            Field.of("driver_id", ValueType.INT64),
            Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP),
            Field.of("row", ValueType.INT32));
    for (int i = 0; i < count; i++) {
      // From a day before the data to a day after it; some keys have no data at all.
      Instant t = at(-24).plus(Duration.ofMinutes(30L * random.nextInt(240)));
      if (random.nextInt(4) == 0) {
        t = t.plusSeconds(random.nextInt(3600));
      }
      Object timestamp =
          switch (random.nextInt(3)) {
            case 0 -> t;
            case 1 -> t.atZone(ZoneId.of("Europe/Berlin"));
            default -> t.atOffset(ZoneOffset.UTC).toLocalDateTime();
          };
      rows.add("c" + random.nextInt(6), (long) (1 + random.nextInt(35)), timestamp, i);
    }
    return rows.build();
  }

  private static void writeInBatches(
      OfflineStore store, FeatureView view, RowSet rows, int batches) {
    int size = (rows.size() + batches - 1) / batches;
    for (int start = 0; start < rows.size(); start += size) {
      List<List<Object>> slice = rows.rows().subList(start, Math.min(rows.size(), start + size));
      store.writeBatch(view, new RowSet(rows.columns(), slice));
    }
  }
}
