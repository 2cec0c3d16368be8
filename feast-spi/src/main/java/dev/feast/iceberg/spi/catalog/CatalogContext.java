package dev.feast.iceberg.spi.catalog;

import dev.feast.iceberg.spi.annotation.Stable;
import java.nio.file.Path;

/**
 * What the runtime gives a catalog provider when it opens a catalog. It knows nothing of stores, so
 * the catalog package stays below the rest of the SPI: {@link dev.feast.iceberg.spi.PluginContext}
 * extends it and adds the catalogs a store may open.
 */
@Stable
public interface CatalogContext {
  /** The Feast project name. */
  String project();

  /** The feature repository folder; relative paths in the configuration resolve against it. */
  Path repoPath();
}
