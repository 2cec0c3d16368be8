package dev.feast.iceberg.online;

/** How a read reports a value older than its view's ttl ({@code ttl_mode}). */
public enum TtlMode {
  /** Status OUTSIDE_MAX_AGE, with the stored event timestamp. */
  OUTSIDE_MAX_AGE,
  /** As if nothing were stored: NOT_FOUND and no event timestamp. */
  ABSENT;

  String configName() {
    return OptionNames.of(this);
  }
}
