package dev.feast.iceberg.catalog.jdbc;

import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogProviderFactory;
import dev.feast.iceberg.testsuite.catalog.CatalogProviderConformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The catalog contract on the embedded default: a SQLite file and a local warehouse. */
class SqliteCatalogConformanceTest extends CatalogProviderConformance {
  private static final Path DIR = tempDir();

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("feast-sqlite-catalog");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected CatalogProviderFactory factory() {
    return new JdbcCatalogProviderFactory();
  }

  @Override
  protected CatalogConfig config() {
    return new CatalogConfig(
        "jdbc",
        "feast",
        Map.of(
            "uri",
            "jdbc:sqlite:" + DIR.resolve("catalog.db"),
            "warehouse",
            DIR.resolve("warehouse").toString()));
  }

  /** A SQLite file has no server: "unreachable" is a file that cannot be created. */
  @Override
  protected CatalogConfig unreachableConfig() {
    return new CatalogConfig(
        "sql",
        "feast",
        Map.of(
            "uri",
            "jdbc:sqlite:/dev/null/feast/catalog.db",
            "warehouse",
            DIR.resolve("warehouse").toString()));
  }

  @Override
  protected String unreachableEndpoint() {
    return "/dev/null/feast";
  }
}
