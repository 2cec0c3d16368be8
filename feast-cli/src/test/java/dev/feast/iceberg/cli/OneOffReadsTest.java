package dev.feast.iceberg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.core.config.RepoConfig;
import dev.feast.iceberg.core.config.RepoConfigLoader;
import dev.feast.iceberg.core.plugin.Plugins;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code get-online-features} asks the online store for {@code serving_mode: files} when its
 * configuration has that key, whatever the file says, and leaves other stores' configuration be.
 */
class OneOffReadsTest {
  @TempDir Path dir;

  @Test
  void theIcebergOnlineStoreReadsFromFilesEvenWhenTheFileSaysMemory() throws Exception {
    Path repo = CliRun.copyExample(dir.resolve("repo"));
    Path yaml = repo.resolve("feature_store.yaml");
    Files.writeString(
        yaml,
        Files.readString(yaml)
            .replace(
                "online_store:\n  type: iceberg\n",
                "online_store:\n  type: iceberg\n  serving_mode: memory\n"));
    RepoConfig config = RepoConfigLoader.load(repo);
    assertThat(config.onlineStore().body().path("serving_mode").asText()).isEqualTo("memory");

    RepoConfig oneOff = OneOffReads.config(config, Plugins.discover());

    assertThat(oneOff.onlineStore().body().path("serving_mode").asText()).isEqualTo("files");
    assertThat(oneOff.onlineStore().body().path("catalog"))
        .isEqualTo(config.onlineStore().body().path("catalog"));
    assertThat(oneOff.offlineStore()).isEqualTo(config.offlineStore());
    assertThat(config.onlineStore().body().path("serving_mode").asText()).isEqualTo("memory");
  }

  @Test
  void aStoreWithoutAServingModeKeepsItsConfiguration() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.writeString(
        repo.resolve("feature_store.yaml"),
        "project: p\nregistry: registry.json\n"
            + "online_store:\n  type: no-maintenance-test\nentity_key_serialization_version: 3\n");
    RepoConfig config = RepoConfigLoader.load(repo);

    assertThat(OneOffReads.config(config, Plugins.discover())).isSameAs(config);
  }
}
