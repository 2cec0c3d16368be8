package dev.feast.iceberg.core.registry;

import dev.feast.iceberg.spi.InvalidRequestException;
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
      throw new InvalidRequestException(
          "Materialization interval ends (" + end + ") before it starts (" + start + ")");
    }
  }
}
