package dev.feast.iceberg.core.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefinitionYamlTest {
  @Test
  void writtenDefinitionsReadBackEqual() {
    RepoDefinitions definitions = DefinitionLoaderTest.parse(DefinitionLoaderTest.DRIVER);

    String yaml = DefinitionYaml.write(definitions);
    RepoDefinitions again = DefinitionLoader.parse(Map.of(Path.of("again.yaml"), yaml));

    assertThat(again.entities()).isEqualTo(definitions.entities());
    assertThat(again.featureViews()).isEqualTo(definitions.featureViews());
    assertThat(again.featureServices()).isEqualTo(definitions.featureServices());
  }

  @Test
  void aViewIsWrittenWithFeastKeysAndDefaultsLeftOut() {
    String yaml =
        DefinitionYaml.write(
            DefinitionLoaderTest.parse(DefinitionLoaderTest.DRIVER).featureViews().get(0));

    assertThat(yaml)
        .contains(
            "name: driver_hourly_stats",
            "ttl: 1d",
            "dtype: Float32",
            "table: feast.driver_hourly_stats",
            "created_timestamp_column: created",
            "online: false");
    assertThat(yaml).doesNotContain("description");
  }
}
