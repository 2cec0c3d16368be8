package dev.feast.iceberg.benchmarks.online;

import dev.feast.iceberg.catalog.jdbc.JdbcCatalogProviderFactory;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogProvider;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The runtime's plugin context for the benchmark: project "bench", catalogs opened once. */
final class BenchmarkContext implements PluginContext, AutoCloseable {
  private final Path dir;
  private final Map<CatalogConfig, CatalogProvider> catalogs = new ConcurrentHashMap<>();

  BenchmarkContext(Path dir) {
    this.dir = dir;
  }

  /** The embedded JDBC catalog on SQLite, with its warehouse, in the benchmark's folder. */
  CatalogConfig sqliteCatalog() {
    return new CatalogConfig(
        "jdbc",
        "bench",
        Map.of(
            "uri",
            "jdbc:sqlite:" + dir.resolve("catalog.db"),
            "warehouse",
            dir.resolve("warehouse").toString()));
  }

  @Override
  public String project() {
    return "bench";
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
  }
}
