package dev.feast.iceberg.spark;

import dev.feast.iceberg.spi.catalog.CatalogConfig;
import java.nio.file.Path;
import java.util.Map;

/** The catalogs of the module's tests: a JDBC (SQLite) catalog per folder, named {@code feast}. */
public final class TestCatalogs {
  private TestCatalogs() {}

  /** The catalog whose database and warehouse live in {@code directory}. */
  public static CatalogConfig jdbc(Path directory) {
    return new CatalogConfig(
        "jdbc",
        "feast",
        Map.of(
            "uri",
            "jdbc:sqlite:" + directory.resolve("catalog.db"),
            "warehouse",
            directory.resolve("warehouse").toString()));
  }
}
