package dev.feast.iceberg.online;

import dev.feast.iceberg.spi.ConfigException;

/** How a read reports a value older than its view's ttl ({@code ttl_mode}). */
enum TtlMode {
  /** Status OUTSIDE_MAX_AGE, with the stored event timestamp. */
  OUTSIDE_MAX_AGE,
  /** As if nothing were stored: NOT_FOUND and no event timestamp. */
  ABSENT;

  String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static TtlMode parse(String value) {
    String wanted = IcebergOnlineStoreConfig.lower(value);
    for (TtlMode mode : values()) {
      if (mode.configName().equals(wanted)) {
        return mode;
      }
    }
    throw new ConfigException(
        "online_store.ttl_mode '" + value + "' is not supported; use one of: outside_max_age,"
            + " absent");
  }
}
