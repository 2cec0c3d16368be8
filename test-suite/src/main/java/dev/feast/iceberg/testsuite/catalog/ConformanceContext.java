package dev.feast.iceberg.testsuite.catalog;

import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogProvider;
import java.nio.file.Path;

/** The plugin context of the catalog suite: a project name and a repository folder. */
record ConformanceContext(Path repoPath) implements PluginContext {
  @Override
  public String project() {
    return "conformance";
  }

  @Override
  public CatalogProvider catalog(CatalogConfig config) {
    throw new UnsupportedOperationException("catalog providers do not open other catalogs");
  }
}
