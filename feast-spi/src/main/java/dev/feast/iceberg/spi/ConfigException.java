package dev.feast.iceberg.spi;

/** A configuration error: names the file, the line and the key where it can. */
public class ConfigException extends FeastException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
