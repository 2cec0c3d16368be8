package dev.feast.iceberg.offline;

import dev.feast.iceberg.catalog.jdbc.JdbcCatalogProviderFactory;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogProvider;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A plugin context over a JDBC catalog on SQLite; opens each catalog once, as the runtime does. */
final class TestContext implements PluginContext, AutoCloseable {
  private final Path repo;
  private final Map<CatalogConfig, CatalogProvider> catalogs = new HashMap<>();

  TestContext(Path repo) {
    this.repo = repo;
  }

  /** The catalog configuration of the tests: SQLite and a warehouse under the repository. */
  CatalogConfig catalogConfig() {
    return new CatalogConfig(
        "jdbc",
        "feast",
        Map.of(
            "uri",
            "jdbc:sqlite:" + repo.resolve("catalog.db"),
            "warehouse",
            repo.resolve("warehouse").toString()));
  }

  @Override
  public String project() {
    return "test";
  }

  @Override
  public Path repoPath() {
    return repo;
  }

  @Override
  public synchronized CatalogProvider catalog(CatalogConfig config) {
    return catalogs.computeIfAbsent(config, c -> new JdbcCatalogProviderFactory().create(c, this));
  }

  @Override
  public synchronized void close() {
    catalogs.values().forEach(CatalogProvider::close);
    catalogs.clear();
  }
}
