package dev.feast.iceberg.online;

import dev.feast.iceberg.catalog.jdbc.JdbcCatalogProviderFactory;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogProvider;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A plugin context for project "test" that opens each catalog once, as the runtime does. */
final class TestContext implements PluginContext, AutoCloseable {
  private final Path dir;
  private final Map<CatalogConfig, CatalogProvider> catalogs = new ConcurrentHashMap<>();

  TestContext(Path dir) {
    this.dir = dir;
  }

  /** The SQLite JDBC catalog in the test's folder. */
  static CatalogConfig sqliteCatalog(Path dir) {
    return new CatalogConfig(
        "jdbc",
        "feast",
        Map.of(
            "uri",
            "jdbc:sqlite:" + dir.resolve("catalog.db"),
            "warehouse",
            dir.resolve("warehouse").toString()));
  }

  @Override
  public String project() {
    return "test";
  }

  @Override
  public Path repoPath() {
    return dir;
  }

  @Override
  public CatalogProvider catalog(CatalogConfig config) {
    return catalogs.computeIfAbsent(config, c -> new JdbcCatalogProviderFactory().create(c, this));
  }

  @Override
  public void close() {
    catalogs.values().forEach(CatalogProvider::close);
    catalogs.clear();
  }
}
