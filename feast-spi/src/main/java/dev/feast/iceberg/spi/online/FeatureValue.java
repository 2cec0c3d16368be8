package dev.feast.iceberg.spi.online;

import dev.feast.iceberg.spi.annotation.Stable;
import java.util.Objects;

/**
 * One feature value of an online read.
 *
 * @param value the value, null unless {@code status} is PRESENT
 * @param status whether and how the value was found
 */
@Stable
public record FeatureValue(Object value, FeatureStatus status) {
  /** The value of a key nothing is stored for. */
  public static final FeatureValue NOT_FOUND = new FeatureValue(null, FeatureStatus.NOT_FOUND);

  public FeatureValue {
    Objects.requireNonNull(status, "status");
    if (value != null && status != FeatureStatus.PRESENT) {
      throw new IllegalArgumentException("A " + status + " feature value carries no value");
    }
  }

  /** A stored value: PRESENT, or NULL_VALUE when it is null. */
  public static FeatureValue of(Object value) {
    return new FeatureValue(
        value, value == null ? FeatureStatus.NULL_VALUE : FeatureStatus.PRESENT);
  }
}
