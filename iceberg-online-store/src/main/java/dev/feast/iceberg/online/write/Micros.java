package dev.feast.iceberg.online.write;

import java.time.Instant;

/** Instants as the microseconds since the epoch that Iceberg stores. */
public final class Micros {
  private Micros() {}

  public static long of(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }
}
