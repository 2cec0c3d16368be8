package dev.feast.iceberg.testsuite;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds the {@link Dataset}'s rows: pure functions of the window's end. */
final class DatasetRows {
  static final int HOURS = 72;
  private final Dataset dataset;

  DatasetRows(Dataset dataset) {
    this.dataset = dataset;
  }

  private Instant hour(int h) {
    return dataset.hour(h);
  }

  /** Whether driver {@code d} has a row at hour {@code h}: three hours on, three off. */
  static boolean driverActive(long d, int h) {
    return (h + d) % 6 < 3;
  }

  /** Whether the row of driver {@code d} at hour {@code h} gets a backfill correction. */
  static boolean corrected(long d, int h) {
    return (h + d) % 7 == 0;
  }

  private static RowSet.Builder driverStatsRows() {
    return RowSet.builder(
        Field.of("driver_id", ValueType.INT64),
        Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP),
        Field.of("created", ValueType.UNIX_TIMESTAMP),
        Field.of("conv_rate", ValueType.FLOAT),
        Field.of("trips_today", ValueType.INT32),
        Field.of("lifetime_trips", ValueType.INT64),
        Field.of("avg_rating", ValueType.DOUBLE),
        Field.of("status", ValueType.STRING),
        Field.of("recent_ratings", ValueType.FLOAT_LIST));
  }

  /**
   * Batch 1: hourly rows of drivers 5001–5019 (created 5 min after the event), and the first rows
   * of the backfill cases; batch 2: corrections with the same event timestamp and a later created,
   * and the backfill rows that must win.
   */
  List<RowSet> driverStats() {
    RowSet.Builder first = driverStatsRows();
    RowSet.Builder second = driverStatsRows();
    for (long d = 5001; d <= 5019; d++) {
      for (int h = 0; h <= HOURS; h++) {
        if (!driverActive(d, h)) {
          continue;
        }
        Instant ts = hour(h);
        List<Float> ratings =
            h % 13 == 0 ? null : h % 5 == 0 ? List.of() : List.of(((d + h) % 50) / 10f, 4.5f);
        first.add(
            d,
            ts,
            ts.plus(Duration.ofMinutes(5)),
            ((d * 7 + h) % 100) / 100f,
            (int) ((d + h) % 30),
            d * 1000 + h,
            3.0 + ((d + h) % 20) / 10.0,
            h % 11 == 0 ? null : (d + h) % 2 == 0 ? "active" : "idle",
            ratings);
        if (corrected(d, h)) {
          second.add(
              d,
              ts,
              ts.plus(Duration.ofHours(1)),
              0.99f,
              99,
              d * 1000 + h + 1,
              1.0,
              "corrected",
              List.of(1.0f));
        }
      }
    }
    // Backfill cases around B (CONTRACT.md O4, O13). Driver 1001: two rows at B-1h, the one with
    // the later created (trips 20) wins; it is written second, so "first row wins" is wrong.
    // Driver 1002: a later event (B-1h, trips 40) beats an earlier one with a later created
    // (B-90m, trips 35); with filter_by_created_timestamp only B-2h (trips 30) has created <= B.
    Instant b = dataset.backfillTime();
    first.add(backfill(1001, b.minus(Duration.ofHours(1)), b.minus(Duration.ofHours(1)), 10));
    second.add(backfill(1001, b.minus(Duration.ofHours(1)), b.plus(Duration.ofMinutes(30)), 20));
    first.add(backfill(1002, b.minus(Duration.ofMinutes(90)), b.plus(Duration.ofHours(2)), 35));
    first.add(backfill(1002, b.minus(Duration.ofHours(2)), b.minus(Duration.ofHours(2)), 30));
    second.add(backfill(1002, b.minus(Duration.ofHours(1)), b.plus(Duration.ofHours(1)), 40));
    return List.of(first.build(), second.build());
  }

  private static List<Object> backfill(long driver, Instant ts, Instant created, int trips) {
    return Arrays.asList(
        driver,
        ts,
        created,
        trips / 100f,
        trips,
        (long) trips,
        trips / 10.0,
        "backfill",
        List.of((float) trips));
  }

  List<RowSet> customerProfile() {
    RowSet.Builder rows =
        RowSet.builder(
            Field.of("customer_id", ValueType.INT64),
            Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP),
            Field.of("current_balance", ValueType.FLOAT),
            Field.of("avg_passenger_count", ValueType.DOUBLE),
            Field.of("lifetime_trip_count", ValueType.INT64),
            Field.of("signup_at", ValueType.UNIX_TIMESTAMP));
    for (long c = 1001; c <= 1019; c++) {
      for (int day = 0; day <= 3; day++) {
        if ((c + day) % 4 == 0) {
          continue;
        }
        rows.add(
            c,
            hour(day * 24),
            ((c * 3 + day) % 1000) / 4f,
            1.0 + ((c + day) % 4) * 0.25,
            c * 10 + day,
            dataset.start().minus(Duration.ofDays(c - 1000)));
      }
    }
    return List.of(rows.build());
  }

  List<RowSet> locationStats() {
    RowSet.Builder rows =
        RowSet.builder(
            Field.of("location_id", ValueType.INT64),
            Field.of("observed_at", ValueType.UNIX_TIMESTAMP),
            Field.of("temperature", ValueType.INT32));
    for (long loc = 1; loc <= 49; loc++) {
      for (int h = 0; h <= HOURS; h += 4) {
        if ((loc + h / 4) % 3 != 0) {
          rows.add(loc, hour(h), (int) ((loc * 3 + h) % 40) - 5);
        }
      }
    }
    return List.of(rows.build());
  }

  /** The (customer, driver) pair of order source row {@code i}. */
  static long[] orderPair(int i) {
    return new long[] {1001 + i % 19, 5001 + (i * 7L) % 19};
  }

  List<RowSet> orderRows() {
    RowSet.Builder rows =
        RowSet.builder(
            Field.of("customer_id", ValueType.INT64),
            Field.of("driver_id", ValueType.INT64),
            Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP),
            Field.of("created", ValueType.UNIX_TIMESTAMP),
            Field.of("order_is_success", ValueType.BOOL));
    for (int i = 0; i < 96; i++) {
      long[] pair = orderPair(i);
      Instant ts = dataset.start().plus(Duration.ofMinutes(45L * i));
      rows.add(pair[0], pair[1], ts, ts.plus(Duration.ofMinutes(1)), i % 3 != 0);
    }
    return List.of(rows.build());
  }

  List<RowSet> globalStats() {
    RowSet.Builder rows =
        RowSet.builder(
            Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP),
            Field.of("created", ValueType.UNIX_TIMESTAMP),
            Field.of("num_rides", ValueType.INT32),
            Field.of("avg_ride_length", ValueType.FLOAT));
    for (int h = 0; h <= HOURS; h += 6) {
      rows.add(hour(h), hour(h), 100 + h, (h % 10) + 0.25f);
    }
    return List.of(rows.build());
  }

  List<RowSet> driverRatings() {
    RowSet.Builder rows =
        RowSet.builder(
            Field.of("id", ValueType.INT64),
            Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP),
            Field.of("column_name", ValueType.INT64));
    for (long d = 5001; d <= 5019; d++) {
      for (int h = 0; h <= HOURS; h += 12) {
        if ((d + h / 12) % 2 == 0) {
          rows.add(d, hour(h), d * 10 + h);
        }
      }
    }
    return List.of(rows.build());
  }

  List<RowSet> typeSamples(FeatureView view) {
    List<Field> columns = new ArrayList<>();
    columns.add(Field.of("sample_id", ValueType.INT64));
    columns.add(Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP));
    columns.addAll(view.features());
    RowSet.Builder rows = RowSet.builder(columns);
    for (long sample = 1; sample <= 3; sample++) {
      List<Object> row = new ArrayList<>();
      row.add(sample);
      row.add(hour(1));
      for (Field feature : view.features()) {
        row.add(TypeSamples.value(feature.type(), (int) sample));
      }
      rows.add(row);
    }
    return List.of(rows.build());
  }

  /** The entity rows; see {@link Dataset#orders()}. */
  RowSet orders() {
    RowSet.Builder rows =
        RowSet.builder(
            Field.of("order_id", ValueType.STRING),
            Field.of("customer_id", ValueType.INT64),
            Field.of("driver_id", ValueType.INT64),
            Field.of("origin_location_id", ValueType.INT64),
            Field.of("destination_location_id", ValueType.INT64),
            Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP));
    List<List<Object>> regular = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      Instant t =
          dataset
              .start()
              .plus(Duration.ofMinutes(30 + 53L * i))
              .plus(Duration.ofSeconds((i % 3) * 17L));
      regular.add(
          Arrays.asList(
              "o-" + i,
              1001 + (i * 5L) % 19,
              5001 + (i * 3L) % 19,
              1 + (i * 11L) % 49,
              1 + (i * 17L) % 49,
              zoned(t, i)));
    }
    regular.forEach(rows::add);
    // Orders placed right after an order source row, so the composite key (customer, driver) hits.
    for (int j = 0; j < 16; j++) {
      long[] pair = orderPair(j * 6);
      Instant t = dataset.start().plus(Duration.ofMinutes(45L * j * 6 + 10));
      rows.add("o-pair-" + j, pair[0], pair[1], 1L + j, 2L + j, zoned(t, j));
    }
    // Exact duplicates, and two orders sharing keys and timestamp.
    rows.add(regular.get(3));
    rows.add(regular.get(3));
    List<Object> twin = new ArrayList<>(regular.get(5));
    twin.set(0, "o-5-twin");
    rows.add(twin);
    // Before any feature row; past every ttl.
    rows.add("o-early", 1001L, 5001L, 1L, 2L, dataset.start().minus(Duration.ofDays(1)));
    rows.add("o-late", 1002L, 5002L, 3L, 4L, dataset.end().plus(Duration.ofDays(10)));
    // The backfill cases.
    Instant b = dataset.backfillTime();
    rows.add("o-backfill-1001", 1003L, 1001L, 5L, 6L, b);
    rows.add("o-backfill-1002", 1004L, 1002L, 7L, 8L, b);
    // Driver 5001 has rows at hours 3, 4, 5, then none until 9: the bounds of O1 and O2.
    rows.add("o-exact", 1005L, 5001L, 9L, 10L, hour(4));
    rows.add("o-just-before", 1005L, 5001L, 9L, 10L, hour(4).minusSeconds(1));
    rows.add("o-ttl-edge", 1006L, 5001L, 11L, 12L, hour(7));
    rows.add("o-ttl-past", 1006L, 5001L, 11L, 12L, hour(7).plusSeconds(1));
    return rows.build();
  }

  /** The instant in one of five forms: UTC, Berlin, US/Pacific, naive UTC, +05:30 offset. */
  static Object zoned(Instant t, int i) {
    switch (i % 5) {
      case 1:
        return t.atZone(ZoneId.of("Europe/Berlin"));
      case 2:
        return t.atZone(ZoneId.of("US/Pacific"));
      case 3:
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
      case 4:
        return OffsetDateTime.ofInstant(t, ZoneOffset.ofHoursMinutes(5, 30));
      default:
        return t;
    }
  }

  /** A byte buffer of these bytes. */
  static ByteBuffer bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return ByteBuffer.wrap(out);
  }
}
