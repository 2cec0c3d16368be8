package dev.feast.iceberg.core.registry;

import java.time.Instant;

/**
 * A range of event times that materialization copied to the online store.
 *
 * @param start the inclusive start
 * @param end the inclusive end
 */
public record MaterializationInterval(Instant start, Instant end) {
  public MaterializationInterval {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException(
          "Materialization interval ends (" + end + ") before it starts (" + start + ")");
    }
  }
}
