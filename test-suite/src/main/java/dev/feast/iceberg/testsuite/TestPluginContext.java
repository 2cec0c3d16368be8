package dev.feast.iceberg.testsuite;

import dev.feast.iceberg.spi.Closeables;
import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.annotation.Evolving;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogProvider;
import dev.feast.iceberg.spi.catalog.CatalogProviderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link PluginContext} for tests: a project name, a repository folder (usually a JUnit temporary
 * folder) and catalog providers chosen by {@code type}, each catalog opened once per distinct
 * configuration as the runtime does, and closed by {@link #close()}.
 *
 * <pre>{@code
 * TestPluginContext context = TestPluginContext.of(dir, new JdbcCatalogProviderFactory());
 * OfflineStore store = new MyOfflineStoreFactory().create(config, context);
 * }</pre>
 */
@Evolving
public final class TestPluginContext implements PluginContext, AutoCloseable {
  private final String project;
  private final Path repoPath;
  private final Map<String, CatalogProviderFactory> factories = new LinkedHashMap<>();
  private final Map<CatalogConfig, CatalogProvider> open = new LinkedHashMap<>();

  /**
   * A context.
   *
   * @param project the Feast project name stores see
   * @param repoPath the feature repository folder; relative paths resolve against it
   * @param catalogFactories the catalog providers available, found by type and alias
   */
  public TestPluginContext(
      String project, Path repoPath, List<CatalogProviderFactory> catalogFactories) {
    this.project = Objects.requireNonNull(project, "project");
    this.repoPath = Objects.requireNonNull(repoPath, "repoPath");
    for (CatalogProviderFactory factory : catalogFactories) {
      factories.put(factory.type(), factory);
      factory.aliases().forEach(alias -> factories.put(alias, factory));
    }
  }

  /**
   * The embedded catalog configuration: Iceberg's JDBC catalog ({@code type: jdbc}) on a SQLite
   * file, with its warehouse, in {@code dir}; open it with a {@code JdbcCatalogProviderFactory}.
   */
  public static CatalogConfig sqliteCatalog(Path dir) {
    return new CatalogConfig(
        "jdbc",
        "feast",
        Map.of(
            "uri",
            "jdbc:sqlite:" + dir.resolve("catalog.db"),
            "warehouse",
            dir.resolve("warehouse").toString()));
  }

  /** A context for project {@code conformance} with these catalog providers. */
  public static TestPluginContext of(Path repoPath, CatalogProviderFactory... catalogFactories) {
    return new TestPluginContext("conformance", repoPath, List.of(catalogFactories));
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
    CatalogProvider provider = open.get(config);
    if (provider == null) {
      CatalogProviderFactory factory = factories.get(config.type());
      if (factory == null) {
        throw new ConfigException(
            "No catalog provider of type '"
                + config.type()
                + "' in this test context; it has "
                + factories.keySet()
                + ". Pass the provider's factory to TestPluginContext");
      }
      provider = factory.create(config, this);
      open.put(config, provider);
    }
    return provider;
  }

  /** Closes every catalog this context opened, in reverse order of opening. */
  @Override
  public synchronized void close() {
    List<CatalogProvider> providers = new ArrayList<>(open.values());
    open.clear();
    Closeables.closeAllReversed(providers);
  }

  @Override
  public String toString() {
    return "TestPluginContext[project=" + project + ", repo=" + repoPath + "]";
  }
}
