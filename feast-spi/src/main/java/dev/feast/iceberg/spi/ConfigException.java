package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;

/** A configuration error: names the file, the line and the key where it can. */
@Stable
public class ConfigException extends FeastException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
