package dev.feast.iceberg.reliability.input;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.spi.ConfigException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken feature_store.yaml is refused with a message naming the file, line and key. */
class ConfigInputTest {
  @TempDir Path repo;

  @Test
  void malformedYamlNamesTheFileAndLine() {
    TestRepos.withYaml(repo, "project: p\noffline_store:\n  type: [iceberg\n  catalog: x\n");

    assertThatThrownBy(() -> FeatureStore.open(repo))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("feature_store.yaml")
        .hasMessageContaining("line");
  }

  @Test
  void anUnknownKeyOfAStoreSectionIsNamedWithItsLine() {
    TestRepos.withYaml(
        repo,
        TestRepos.EMBEDDED.replace(
            "  namespace: feast_online\n", "  namespace: feast_online\n  namespce_typo: x\n"));

    assertThatThrownBy(() -> FeatureStore.open(repo))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("namespce_typo")
        .hasMessageContaining("line 15");
  }

  @Test
  void anUnknownTopLevelKeyIsNamed() {
    TestRepos.withYaml(repo, TestRepos.EMBEDDED + "onlne_store: {}\n");

    assertThatThrownBy(() -> FeatureStore.open(repo))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("onlne_store");
  }

  @Test
  void anUnknownOfflineStoreTypeListsTheInstalledOnes() {
    TestRepos.withYaml(
        repo,
        TestRepos.EMBEDDED.replace(
            "offline_store:\n  type: iceberg", "offline_store:\n  type: duckberg"));

    assertThatThrownBy(() -> FeatureStore.open(repo))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'duckberg'")
        .hasMessageContaining("line 5")
        .hasMessageContaining("iceberg");
  }

  @Test
  void anUnknownCatalogTypeIsNamed() {
    TestRepos.withYaml(repo, TestRepos.EMBEDDED.replace("type: jdbc", "type: jdbcc"));

    assertThatThrownBy(() -> FeatureStore.open(repo))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'jdbcc'")
        .hasMessageContaining("jdbc");
  }

  @Test
  void aMissingEnvironmentVariableIsNamedWithItsLine() {
    TestRepos.withYaml(
        repo,
        TestRepos.EMBEDDED.replace(
            "warehouse: data/warehouse", "warehouse: ${FEAST_RELIABILITY_UNSET_VARIABLE}"));

    assertThatThrownBy(() -> FeatureStore.open(repo))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("FEAST_RELIABILITY_UNSET_VARIABLE")
        .hasMessageContaining("line 10")
        .hasMessageContaining("is not set");
  }

  @Test
  void aMissingProjectIsNamed() {
    TestRepos.withYaml(repo, TestRepos.EMBEDDED.replace("project: reliability\n", ""));

    assertThatThrownBy(() -> FeatureStore.open(repo))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("project");
  }

  @Test
  void aMissingFileNamesTheFolder() {
    assertThatThrownBy(() -> FeatureStore.open(repo.resolve("nowhere")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nowhere");
  }
}
