package dev.feast.iceberg.spi;

/**
 * A configuration error ({@link ErrorKind#USER_INPUT}): names the file, the line and the key where
 * it can.
 */
public class ConfigException extends FeastException {
  public ConfigException(String message) {
    super(ErrorKind.USER_INPUT, message);
  }

  public ConfigException(String message, Throwable cause) {
    super(ErrorKind.USER_INPUT, message, cause);
  }
}
