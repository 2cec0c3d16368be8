package dev.feast.iceberg.reliability.input;

import dev.feast.iceberg.core.plugin.Plugins;
import dev.feast.iceberg.core.plugin.RuntimeContext;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Feature repositories on the embedded default (SQLite JDBC catalog, local warehouse), written into
 * a temporary folder, shared by the reliability tests of input, secrets and hygiene.
 */
public final class TestRepos {
  /** The project of every repository written here. */
  public static final String PROJECT = "reliability";

  /** The embedded default, as in examples/iceberg-local. */
  public static final String EMBEDDED =
      """
      project: reliability
      registry: data/registry.json
      provider: local
      offline_store:
        type: iceberg
        catalog: &catalog
          type: jdbc
          name: feast
          uri: jdbc:sqlite:data/catalog.db
          warehouse: data/warehouse
      online_store:
        type: iceberg
        catalog: *catalog
        namespace: feast_online
      entity_key_serialization_version: 3
      """;

  private TestRepos() {}

  /** Writes the embedded default into {@code dir}; returns {@code dir}. */
  public static Path embedded(Path dir) {
    return withYaml(dir, EMBEDDED);
  }

  /** Writes {@code yaml} as the feature_store.yaml of {@code dir}; returns {@code dir}. */
  public static Path withYaml(Path dir, String yaml) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("feature_store.yaml"), yaml);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The repository's catalog opened on its own, to look at tables behind the stores' backs. Close
   * the returned context.
   */
  public static RuntimeContext catalogOf(Path repo) {
    return new RuntimeContext(PROJECT, repo, Plugins.discover());
  }

  /** The catalog section of the embedded default. */
  public static CatalogConfig embeddedCatalog() {
    return new CatalogConfig(
        "jdbc",
        "feast",
        Map.of("uri", "jdbc:sqlite:data/catalog.db", "warehouse", "data/warehouse"));
  }
}
