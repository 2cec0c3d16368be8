package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;

/**
 * A configuration error ({@link ErrorKind#USER_INPUT}): names the file, the line and the key where
 * it can.
 */
@Stable
public class ConfigException extends FeastException {
  public ConfigException(String message) {
    super(ErrorKind.USER_INPUT, message);
  }

  public ConfigException(String message, Throwable cause) {
    super(ErrorKind.USER_INPUT, message, cause);
  }
}
