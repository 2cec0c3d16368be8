package dev.feast.iceberg.spi;

/** The base of every error this framework raises; unchecked, with a message that says how to fix it. */
public class FeastException extends RuntimeException {
  public FeastException(String message) {
    super(message);
  }

  public FeastException(String message, Throwable cause) {
    super(message, cause);
  }
}
