package dev.feast.iceberg.online;

/**
 * The time partition of an online table ({@code timestamp_granularity}), for the {@code timestamp}
 * and {@code hybrid} partition strategies.
 */
public enum TimestampGranularity {
  /** {@code hour(event_ts)}. */
  HOUR,
  /** {@code day(event_ts)}. */
  DAY
}
