package dev.feast.iceberg.common;

import java.time.Duration;
import java.time.Instant;

/** Microseconds since the epoch, DuckDB's and Iceberg's timestamp unit. */
public final class Micros {
  private Micros() {}

  public static long of(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  public static long of(Duration duration) {
    return Math.addExact(
        Math.multiplyExact(duration.getSeconds(), 1_000_000L), duration.getNano() / 1_000);
  }
}
