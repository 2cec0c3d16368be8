package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogContext;
import dev.feast.iceberg.spi.catalog.CatalogProvider;

/**
 * What the runtime gives a plugin when it creates it: the project and repository folder of {@link
 * CatalogContext}, and the catalogs.
 */
@Stable
public interface PluginContext extends CatalogContext {
  /**
   * The catalog for a {@code catalog:} section, opened once per distinct configuration and closed
   * by the runtime; a plugin must not close it.
   */
  CatalogProvider catalog(CatalogConfig config);
}
