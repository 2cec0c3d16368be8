package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;

/**
 * Entity rows (or rows to write) that lack a join key or the event timestamp, or hold values of the
 * wrong type ({@link ErrorKind#USER_INPUT}).
 */
@Stable
public class InvalidEntityRowsException extends FeastException {
  public InvalidEntityRowsException(String message) {
    super(ErrorKind.USER_INPUT, message);
  }

  public InvalidEntityRowsException(String message, Throwable cause) {
    super(ErrorKind.USER_INPUT, message, cause);
  }
}
