package dev.feast.iceberg.cli;

/** A mistake on the command line or in a file handed to it; the message says how to fix it. */
final class CliException extends RuntimeException {
  CliException(String message) {
    super(message);
  }

  CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
