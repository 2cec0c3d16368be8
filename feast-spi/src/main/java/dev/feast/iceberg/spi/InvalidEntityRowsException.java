package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;

/** Entity rows that lack a join key or the event timestamp, or hold values of the wrong type. */
@Stable
public class InvalidEntityRowsException extends FeastException {
  public InvalidEntityRowsException(String message) {
    super(message);
  }
}
