package dev.feast.iceberg.spi.online;

import dev.feast.iceberg.spi.annotation.Stable;

/** The state of one feature value in an online read, as Feast's {@code FieldStatus}. */
@Stable
public enum FeatureStatus {
  /** A value is stored. */
  PRESENT,
  /** A row is stored, and its value for this feature is null. */
  NULL_VALUE,
  /** Nothing is stored for the key. */
  NOT_FOUND,
  /** A value is stored but is older than the view's ttl. */
  OUTSIDE_MAX_AGE
}
