package dev.feast.iceberg.cli;

import dev.feast.iceberg.spi.ErrorKind;
import dev.feast.iceberg.spi.FeastException;

/**
 * A mistake on the command line or in a file handed to it ({@link ErrorKind#USER_INPUT}); the
 * message says how to fix it.
 */
final class CliException extends FeastException {
  CliException(String message) {
    super(ErrorKind.USER_INPUT, message);
  }

  CliException(String message, Throwable cause) {
    super(ErrorKind.USER_INPUT, message, cause);
  }
}
