package dev.feast.iceberg.reliability.hygiene;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.reliability.input.TestRepos;
import java.nio.file.Path;

/**
 * The child JVM of {@link CloseHygieneTest}: runs a lifecycle with its own {@code java.io.tmpdir}
 * and DuckDB spill folder, closes the store, and prints {@code OK}. The parent then looks into
 * both.
 */
public final class HygieneMain {
  private HygieneMain() {}

  /** Arguments: the repository folder and the DuckDB spill folder. */
  public static void main(String[] args) {
    try (FeatureStore store =
        FeatureStore.open(TestRepos.withYaml(Path.of(args[0]), Lifecycle.yaml(Path.of(args[1]))))) {
      Lifecycle.run(store);
    }
    System.out.println("OK");
  }
}
