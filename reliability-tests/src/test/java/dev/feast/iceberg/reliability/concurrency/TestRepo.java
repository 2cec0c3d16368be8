package dev.feast.iceberg.reliability.concurrency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a feature repository's {@code feature_store.yaml}: both Iceberg stores on one catalog, so
 * that test threads and child JVMs open the same repository through the normal path.
 */
public final class TestRepo {
  private TestRepo() {}

  /**
   * Creates {@code repo} with its yaml.
   *
   * @param catalog the {@code catalog:} section (type and Iceberg properties)
   * @param online extra {@code online_store:} keys (e.g. {@code orphan_file_age_ms})
   */
  public static Path write(Path repo, Map<String, String> catalog, Map<String, String> online) {
    StringBuilder yaml =
        new StringBuilder()
            .append("project: reliability\n")
            .append("registry: data/registry.json\n")
            .append("provider: local\n")
            .append("offline_store:\n")
            .append("  type: iceberg\n")
            .append("  catalog: &catalog\n");
    catalog.forEach(
        (key, value) ->
            yaml.append("    ").append(key).append(": ").append(quote(value)).append('\n'));
    yaml.append("online_store:\n").append("  type: iceberg\n").append("  catalog: *catalog\n");
    online.forEach(
        (key, value) ->
            yaml.append("  ").append(key).append(": ").append(quote(value)).append('\n'));
    yaml.append("entity_key_serialization_version: 3\n");
    try {
      Files.createDirectories(repo);
      Files.writeString(repo.resolve("feature_store.yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + repo.resolve("feature_store.yaml"), e);
    }
    return repo;
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
