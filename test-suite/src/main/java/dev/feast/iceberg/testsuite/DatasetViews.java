package dev.feast.iceberg.testsuite;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.ValueType;
import java.time.Duration;
import java.util.Map;

/** The feature views of the {@link Dataset}. */
final class DatasetViews {
  static final String DRIVER_STATS = "driver_stats";
  static final String CUSTOMER_PROFILE = "customer_profile";
  static final String LOCATION_STATS = "location_stats";
  static final String ORDER = "order";
  static final String GLOBAL_STATS = "global_stats";
  static final String DRIVER_RATINGS = "driver_ratings";
  static final String TYPE_SAMPLES = "type_samples";

  private DatasetViews() {}

  static FeatureView driverStats(Dataset.SourceFactory sources) {
    return FeatureView.builder(DRIVER_STATS)
        .entity(Dataset.DRIVER)
        .feature("conv_rate", ValueType.FLOAT)
        .feature("trips_today", ValueType.INT32)
        .feature("lifetime_trips", ValueType.INT64)
        .feature("avg_rating", ValueType.DOUBLE)
        .feature("status", ValueType.STRING)
        .feature("recent_ratings", ValueType.FLOAT_LIST)
        .ttl(Duration.ofHours(2))
        .source(sources.create(DRIVER_STATS, "event_timestamp", "created", Map.of()))
        .build();
  }

  static FeatureView customerProfile(Dataset.SourceFactory sources) {
    return FeatureView.builder(CUSTOMER_PROFILE)
        .entity(Dataset.CUSTOMER)
        .feature("current_balance", ValueType.FLOAT)
        .feature("avg_passenger_count", ValueType.DOUBLE)
        .feature("lifetime_trip_count", ValueType.INT64)
        .feature("signup_at", ValueType.UNIX_TIMESTAMP)
        .ttl(Duration.ofDays(2))
        .source(sources.create(CUSTOMER_PROFILE, "event_timestamp", "", Map.of()))
        .build();
  }

  static FeatureView locationStats(Dataset.SourceFactory sources) {
    return FeatureView.builder(LOCATION_STATS)
        .entity(Dataset.LOCATION)
        .feature("temperature", ValueType.INT32)
        .ttl(Duration.ZERO)
        .source(sources.create(LOCATION_STATS, "observed_at", "", Map.of()))
        .build();
  }

  static FeatureView order(Dataset.SourceFactory sources) {
    return FeatureView.builder(ORDER)
        .entity(Dataset.CUSTOMER)
        .entity(Dataset.DRIVER)
        .feature("order_is_success", ValueType.BOOL)
        .ttl(Duration.ofDays(2))
        .source(sources.create(ORDER, "event_timestamp", "created", Map.of()))
        .build();
  }

  static FeatureView globalStats(Dataset.SourceFactory sources) {
    return FeatureView.builder(GLOBAL_STATS)
        .feature("num_rides", ValueType.INT32)
        .feature("avg_ride_length", ValueType.FLOAT)
        .ttl(Duration.ofDays(2))
        .source(sources.create(GLOBAL_STATS, "event_timestamp", "created", Map.of()))
        .build();
  }

  static FeatureView driverRatings(Dataset.SourceFactory sources) {
    return FeatureView.builder(DRIVER_RATINGS)
        .entity(Dataset.DRIVER)
        .feature("feature_name", ValueType.INT64)
        .ttl(Duration.ofDays(1))
        .source(
            sources.create(
                DRIVER_RATINGS,
                "event_timestamp",
                "",
                Map.of("id", "driver_id", "column_name", "feature_name")))
        .build();
  }

  static FeatureView typeSamples(Dataset.SourceFactory sources) {
    FeatureView.Builder builder = FeatureView.builder(TYPE_SAMPLES).entity(Dataset.SAMPLE);
    for (ValueType type : ValueType.values()) {
      builder.feature(featureOf(type), type);
    }
    return builder
        .ttl(Duration.ZERO)
        .source(sources.create(TYPE_SAMPLES, "event_timestamp", "", Map.of()))
        .build();
  }

  /** The feature of {@code type_samples} holding values of a type: {@code f_int32_list}, ... */
  static String featureOf(ValueType type) {
    return "f_" + type.name().toLowerCase(java.util.Locale.ROOT);
  }
}
