package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogProvider;
import java.nio.file.Path;

/** What the runtime gives a plugin when it creates it. */
@Stable
public interface PluginContext {
  /** The Feast project name. */
  String project();

  /** The feature repository folder; relative paths in the configuration resolve against it. */
  Path repoPath();

  /**
   * The catalog for a {@code catalog:} section, opened once per distinct configuration and closed
   * by the runtime; a plugin must not close it.
   */
  CatalogProvider catalog(CatalogConfig config);
}
