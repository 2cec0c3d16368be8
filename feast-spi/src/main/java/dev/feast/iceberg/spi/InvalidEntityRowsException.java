package dev.feast.iceberg.spi;

/** Entity rows that lack a join key or the event timestamp, or hold values of the wrong type. */
public class InvalidEntityRowsException extends FeastException {
  public InvalidEntityRowsException(String message) {
    super(message);
  }
}
