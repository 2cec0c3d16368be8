package dev.feast.iceberg.examples.local;

import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import java.time.Duration;
import java.time.Instant;

/**
 * Deterministic sample data: drivers 1001–1005, one row per driver per hour for the 48 hours before
 * {@code end}, values computed from the driver and the hour. One row is backfilled: the same event
 * time written again later with a corrected value, which must win.
 */
public final class SampleData {
  /** The drivers with data. */
  public static final long[] DRIVERS = {1001, 1002, 1003, 1004, 1005};

  /** Hours of history per driver. */
  public static final int HOURS = 48;

  private SampleData() {}

  /** The event time of hour {@code h} before {@code end} (0 is {@code end} itself). */
  public static Instant hour(Instant end, int hoursAgo) {
    return end.minus(Duration.ofHours(hoursAgo));
  }

  /** conv_rate of a driver {@code hoursAgo} hours before the end. */
  public static float convRate(long driver, int hoursAgo) {
    return ((driver * 7 + hoursAgo * 13) % 100) / 100f;
  }

  /** acc_rate of a driver {@code hoursAgo} hours before the end. */
  public static float accRate(long driver, int hoursAgo) {
    return ((driver * 3 + hoursAgo * 11) % 50 + 50) / 100f;
  }

  /** avg_daily_trips of a driver {@code hoursAgo} hours before the end. */
  public static long trips(long driver, int hoursAgo) {
    return (driver % 100) * 10 + hoursAgo;
  }

  /** The backfilled conv_rate of driver 1001 two hours before the end. */
  public static final float BACKFILLED_CONV_RATE = 0.99f;

  /** Source rows as the Iceberg table holds them. */
  public static RowSet driverStats(Instant end) {
    RowSet.Builder rows =
        RowSet.builder(
            Field.of("driver_id", ValueType.INT64),
            Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP),
            Field.of("conv_rate", ValueType.FLOAT),
            Field.of("acc_rate", ValueType.FLOAT),
            Field.of("avg_daily_trips", ValueType.INT64),
            Field.of("created", ValueType.UNIX_TIMESTAMP));
    for (long driver : DRIVERS) {
      for (int h = HOURS - 1; h >= 0; h--) {
        Instant at = hour(end, h);
        rows.add(
            driver,
            at,
            convRate(driver, h),
            accRate(driver, h),
            trips(driver, h),
            at.plusSeconds(60));
      }
    }
    // The backfill: same event time, later created timestamp, corrected value.
    Instant at = hour(end, 2);
    rows.add(
        1001L,
        at,
        BACKFILLED_CONV_RATE,
        accRate(1001, 2),
        trips(1001, 2),
        at.plus(Duration.ofMinutes(30)));
    return rows.build();
  }
}
