package dev.feast.iceberg.core.plugin;

import dev.feast.iceberg.spi.Closeables;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PluginContext} of one feature store: opens each distinct catalog configuration once
 * and closes every catalog it opened, newest first.
 */
public final class RuntimeContext implements PluginContext, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RuntimeContext.class);

  private final String project;
  private final Path repoPath;
  private final Plugins plugins;
  private final Map<CatalogConfig, CatalogProvider> catalogs = new LinkedHashMap<>();

  public RuntimeContext(String project, Path repoPath, Plugins plugins) {
    this.project = project;
    this.repoPath = repoPath;
    this.plugins = plugins;
  }

  @Override
  public String project() {
    return project;
  }

  @Override
  public Path repoPath() {
    return repoPath;
  }

  @Override
  public synchronized CatalogProvider catalog(CatalogConfig config) {
    CatalogProvider provider = catalogs.get(config);
    if (provider == null) {
      provider = plugins.catalog(config.type(), "a catalog section").create(config, this);
      log.debug("opened {}", provider.describe());
      catalogs.put(config, provider);
    }
    return provider;
  }

  @Override
  public synchronized void close() {
    List<CatalogProvider> open = new ArrayList<>(catalogs.values());
    catalogs.clear();
    Closeables.closeAllReversed(open);
  }
}
