package dev.feast.iceberg.cli;

import dev.feast.iceberg.core.FeatureStore;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/**
 * {@code teardown}: removes the online storage of every registered view and the registry, as
 * Feast's teardown does. Offline source tables are data, not infrastructure: they stay.
 */
@Command(
    name = "teardown",
    description =
        "Remove the online storage of every feature view and the registry;"
            + " offline source tables stay.")
final class TeardownCommand extends BaseCommand {
  @Override
  void run() throws Exception {
    Path registryFile;
    int views;
    try (FeatureStore store = openStore()) {
      views = store.registry().featureViews().size();
      store.teardown();
      registryFile = store.config().registryPath();
    }
    boolean deleted = Files.deleteIfExists(registryFile);
    out()
        .printf(
            "Removed the online storage of %s%s; offline source tables were kept.%n",
            TextTable.count(views, "feature view", "feature views"),
            deleted ? " and the registry " + repo().relativize(registryFile) : "");
  }
}
