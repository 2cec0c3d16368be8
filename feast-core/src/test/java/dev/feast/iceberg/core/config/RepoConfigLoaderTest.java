package dev.feast.iceberg.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoConfigLoaderTest {
  private static final Path FILE = Path.of("/repo/feature_store.yaml");

  private static RepoConfig parse(String yaml, Map<String, String> env) {
    return RepoConfigLoader.parse(FILE, yaml, env);
  }

  @Test
  void readsFeastKeysAndResolvesTheRegistryAgainstTheRepository() {
    RepoConfig config =
        parse(
            """
        project: driver_ranking
        registry: data/registry.json
        provider: local
        offline_store:
          type: iceberg
          catalog: {type: jdbc}
        online_store:
          type: iceberg
          namespace: online
        entity_key_serialization_version: 3
        materialization:
          batch_size: 500
        """,
            Map.of());

    assertThat(config.project()).isEqualTo("driver_ranking");
    assertThat(config.registryPath()).isEqualTo(Path.of("/repo/data/registry.json"));
    assertThat(config.offlineStore().type()).isEqualTo("iceberg");
    assertThat(config.offlineStore().body().has("catalog")).isTrue();
    assertThat(config.onlineStore().body().get("namespace").asText()).isEqualTo("online");
    assertThat(config.materializationBatchSize()).isEqualTo(500);
    assertThat(config.repoPath()).isEqualTo(Path.of("/repo"));
  }

  @Test
  void storesDefaultToIcebergAndTheRegistryToAJsonFile() {
    RepoConfig config = parse("project: p\n", Map.of());

    assertThat(config.offlineStore().type()).isEqualTo("iceberg");
    assertThat(config.onlineStore().type()).isEqualTo("iceberg");
    assertThat(config.registryPath()).isEqualTo(Path.of("/repo/data/registry.json"));
  }

  @Test
  void registryMayBeAMappingWithAPath() {
    RepoConfig config =
        parse("project: p\nregistry:\n  path: reg/r.json\n  cache_ttl_seconds: 60\n", Map.of());

    assertThat(config.registryPath()).isEqualTo(Path.of("/repo/reg/r.json"));
  }

  @Test
  void unknownTopLevelKeyNamesFileLineAndKey() {
    assertThatThrownBy(
            () -> parse("project: p\nprovider: local\nonline_stor:\n  type: iceberg\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("feature_store.yaml line 3")
        .hasMessageContaining("unknown key 'online_stor'")
        .hasMessageContaining("online_store");
  }

  @Test
  void unknownNestedKeyNamesItsSection() {
    assertThatThrownBy(() -> parse("project: p\nmaterialization:\n  batch_sise: 3\n", Map.of()))
        .hasMessageContaining("line 3")
        .hasMessageContaining("'batch_sise' in materialization");
  }

  @Test
  void substitutesEnvironmentVariablesWithDefaults() {
    RepoConfig config =
        parse(
            """
        project: ${PROJECT}
        online_store:
          namespace: ${NAMESPACE:-fallback}
          token: ${TOKEN}
        """,
            Map.of("PROJECT", "from_env", "TOKEN", "s3cr3t"));

    assertThat(config.project()).isEqualTo("from_env");
    assertThat(config.onlineStore().body().get("namespace").asText()).isEqualTo("fallback");
    assertThat(config.onlineStore().body().get("token").asText()).isEqualTo("s3cr3t");
    assertThat(config.onlineStore().toString()).doesNotContain("s3cr3t");
  }

  @Test
  void missingEnvironmentVariableNamesTheLine() {
    assertThatThrownBy(
            () -> parse("project: p\n\nonline_store:\n  token: ${MISSING_TOKEN}\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("line 4")
        .hasMessageContaining("MISSING_TOKEN is not set");
  }

  @Test
  void malformedYamlNamesTheLine() {
    assertThatThrownBy(() -> parse("project: p\nonline_store:\n  type: [iceberg\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("feature_store.yaml line")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void anchorsAndAliasesShareOneCatalogSection() {
    RepoConfig config =
        parse(
            """
        project: p
        offline_store:
          catalog: &catalog
            type: jdbc
            uri: jdbc:sqlite:data/catalog.db
        online_store:
          catalog: *catalog
        """,
            Map.of());

    assertThat(config.onlineStore().body().get("catalog"))
        .isEqualTo(config.offlineStore().body().get("catalog"));
    assertThat(config.onlineStore().body().at("/catalog/uri").asText())
        .isEqualTo("jdbc:sqlite:data/catalog.db");
  }

  @Test
  void aKeyWrittenTwiceIsAnErrorNamingBothLines() {
    assertThatThrownBy(() -> parse("project: p\nprovider: local\nproject: q\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("'project' appears twice (first on line 1)");
  }

  @Test
  void missingProjectIsAnError() {
    assertThatThrownBy(() -> parse("provider: local\n", Map.of()))
        .hasMessageContaining("missing required key 'project'");
  }

  @Test
  void onlyVersionThreeEntityKeysAreAccepted() {
    assertThatThrownBy(() -> parse("project: p\nentity_key_serialization_version: 2\n", Map.of()))
        .hasMessageContaining("line 2")
        .hasMessageContaining("version 3");
  }

  @Test
  void missingFileSaysWhereItLooked(@TempDir Path dir) {
    assertThatThrownBy(() -> RepoConfigLoader.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(dir.resolve("feature_store.yaml").toString());
  }

  @Test
  void loadsFromARepositoryFolder(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("feature_store.yaml"), "project: folder_project\n");

    assertThat(RepoConfigLoader.load(dir).project()).isEqualTo("folder_project");
  }
}
