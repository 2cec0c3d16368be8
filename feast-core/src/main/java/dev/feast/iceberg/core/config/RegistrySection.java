package dev.feast.iceberg.core.config;

import dev.feast.iceberg.spi.ConfigException;
import java.nio.file.Path;

/**
 * The {@code registry:} of {@code feature_store.yaml}, in either of Feast's forms (a path, or a
 * mapping with {@code registry_type}, {@code path}, {@code cache_ttl_seconds}, ...).
 *
 * @param type Feast's {@code registry_type}; {@code file} is the only one this project has
 * @param path the path as written
 * @param file the registry file, absolute; null when the registry is not a local file
 * @param cacheTtlSeconds Feast's cache TTL; the registry here is re-read whenever its file changes
 * @param unsupported why this project cannot use the registry (file, line, what to write instead),
 *     or empty
 */
public record RegistrySection(
    String type, String path, Path file, int cacheTtlSeconds, String unsupported) {

  /** Feast's default: a registry at {@code data/registry.db} is written and read every 600 s. */
  static final int FEAST_DEFAULT_CACHE_TTL_SECONDS = 600;

  /** The registry file, or the reason this project cannot use the registry written. */
  public Path requireFile() {
    if (!unsupported.isEmpty()) {
      throw new ConfigException(unsupported);
    }
    return file;
  }
}
