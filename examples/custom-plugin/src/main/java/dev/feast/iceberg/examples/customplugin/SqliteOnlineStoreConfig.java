package dev.feast.iceberg.examples.customplugin;

import java.util.Objects;

/**
 * The {@code online_store:} section for {@code type: sqlite-example}.
 *
 * <pre>
 * online_store:
 *   type: sqlite-example
 *   path: data/online.db
 * </pre>
 *
 * @param path the SQLite database file, relative to the feature repository; default {@code
 *     data/online.db}
 */
public record SqliteOnlineStoreConfig(String path) {
  public SqliteOnlineStoreConfig {
    path = Objects.requireNonNullElse(path, "data/online.db");
    if (path.isBlank()) {
      throw new IllegalArgumentException("online_store.path must name a file, e.g. data/online.db");
    }
  }
}
