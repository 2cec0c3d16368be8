package dev.feast.iceberg.cli;

import java.time.Duration;
import java.time.Instant;

/**
 * The sample data {@code init} writes, computed as the local example's: drivers 1001–1005, one row
 * per driver per hour for the 48 hours before {@code end}, and one backfilled row (same event time,
 * later created time, corrected value) that must win.
 */
final class SampleCsv {
  static final long[] DRIVERS = {1001, 1002, 1003, 1004, 1005};
  static final int HOURS = 48;

  private SampleCsv() {}

  static String driverStats(Instant end) {
    StringBuilder csv =
        new StringBuilder("driver_id,event_timestamp,conv_rate,acc_rate,avg_daily_trips,created\n");
    for (long driver : DRIVERS) {
      for (int h = HOURS - 1; h >= 0; h--) {
        Instant at = end.minus(Duration.ofHours(h));
        row(csv, driver, at, ((driver * 7 + h * 13) % 100) / 100f, h, at.plusSeconds(60));
      }
    }
    Instant at = end.minus(Duration.ofHours(2));
    row(csv, 1001, at, 0.99f, 2, at.plus(Duration.ofMinutes(30)));
    return csv.toString();
  }

  private static void row(
      StringBuilder csv, long driver, Instant at, float convRate, int h, Instant created) {
    float accRate = ((driver * 3 + h * 11) % 50 + 50) / 100f;
    long trips = (driver % 100) * 10 + h;
    csv.append(driver)
        .append(',')
        .append(at)
        .append(',')
        .append(convRate)
        .append(',')
        .append(accRate)
        .append(',')
        .append(trips)
        .append(',')
        .append(created)
        .append('\n');
  }

  /**
   * Entity rows: a backfilled hour, a time between hours, an exact hour, past the ttl, before any
   * data.
   */
  static String entityRows(Instant end) {
    return "driver_id,event_timestamp,order_id\n"
        + "1001,"
        + end.minus(Duration.ofHours(2))
        + ",o-1\n"
        + "1002,"
        + end.minus(Duration.ofMinutes(5 * 60 + 30))
        + ",o-2\n"
        + "1003,"
        + end.minus(Duration.ofHours(10))
        + ",o-3\n"
        + "1004,"
        + end.plus(Duration.ofHours(30))
        + ",o-4\n"
        + "1005,"
        + end.minus(Duration.ofHours(HOURS + 1))
        + ",o-5\n"
        + "1099,"
        + end
        + ",o-6\n";
  }
}
