package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;

/**
 * A feature reference that is not of the form {@code view:feature} ({@link ErrorKind#USER_INPUT}).
 */
@Stable
public class InvalidFeatureRefException extends FeastException {
  public InvalidFeatureRefException(String ref) {
    super(
        ErrorKind.USER_INPUT,
        "Invalid feature reference '"
            + ref
            + "': write it as <feature_view>:<feature>, e.g. driver_hourly_stats:conv_rate");
  }
}
