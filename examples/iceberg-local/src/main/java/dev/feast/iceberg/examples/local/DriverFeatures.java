package dev.feast.iceberg.examples.local;

import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureService;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.ValueType;
import java.time.Duration;

/** The feature definitions of the example, Feast's driver ranking tutorial in Java. */
public final class DriverFeatures {
  private DriverFeatures() {}

  /** A driver, identified by {@code driver_id}. */
  public static final Entity DRIVER =
      new Entity("driver", "driver_id", ValueType.INT64, "A driver of the ride-hailing service");

  /** Hourly driver statistics, read from an Iceberg table with a created column for backfills. */
  public static final IcebergSource DRIVER_STATS_SOURCE =
      IcebergSource.of("feast.driver_hourly_stats", "event_timestamp", "created");

  /** The driver's hourly statistics; a value older than a day no longer counts. */
  public static final FeatureView DRIVER_HOURLY_STATS =
      FeatureView.builder("driver_hourly_stats")
          .entity(DRIVER)
          .feature("conv_rate", ValueType.FLOAT)
          .feature("acc_rate", ValueType.FLOAT)
          .feature("avg_daily_trips", ValueType.INT64)
          .ttl(Duration.ofDays(1))
          .source(DRIVER_STATS_SOURCE)
          .tag("team", "driver_performance")
          .build();

  /** What the ranking model reads. */
  public static final FeatureService DRIVER_ACTIVITY =
      FeatureService.of("driver_activity", DRIVER_HOURLY_STATS);
}
