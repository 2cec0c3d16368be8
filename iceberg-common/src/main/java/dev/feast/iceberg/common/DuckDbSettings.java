package dev.feast.iceberg.common;

import dev.feast.iceberg.spi.ConfigException;

/**
 * DuckDB resources a store may use, so large joins spill to disk instead of failing.
 *
 * @param memoryLimit DuckDB's {@code memory_limit} (e.g. {@code 2GB}), or empty for DuckDB's
 *     default
 * @param threads worker threads, or 0 for DuckDB's default (all cores)
 * @param tempDirectory where DuckDB spills, or empty for its default
 */
public record DuckDbSettings(String memoryLimit, int threads, String tempDirectory) {
  /** DuckDB's own defaults. */
  public static final DuckDbSettings DEFAULTS = new DuckDbSettings("", 0, "");

  public DuckDbSettings {
    memoryLimit = memoryLimit == null ? "" : memoryLimit.trim();
    tempDirectory = tempDirectory == null ? "" : tempDirectory.trim();
    if (threads < 0) {
      throw new ConfigException("duckdb threads must be 0 (all cores) or more, not " + threads);
    }
    if (!memoryLimit.isEmpty()
        && !memoryLimit.matches("(?i)\\d+(\\.\\d+)?\\s*(b|kb|mb|gb|tb|kib|mib|gib|tib|%)")) {
      throw new ConfigException(
          "duckdb memory_limit '" + memoryLimit + "' is not a size; write it like 2GB or 512MB");
    }
  }
}
