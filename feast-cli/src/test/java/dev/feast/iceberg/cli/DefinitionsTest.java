package dev.feast.iceberg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.core.definitions.DefinitionLoader;
import dev.feast.iceberg.core.definitions.RepoDefinitions;
import dev.feast.iceberg.examples.local.DriverFeatures;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example's YAML definitions and init's template declare what the example's Java declares. */
class DefinitionsTest {
  @Test
  void theExampleYamlEqualsTheJavaDefinitions() {
    RepoDefinitions definitions = DefinitionLoader.load(CliRun.EXAMPLE);

    assertThat(definitions.files())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("definitions.yaml");
    assertThat(definitions.entities()).containsExactly(DriverFeatures.DRIVER);
    assertThat(definitions.featureViews()).containsExactly(DriverFeatures.DRIVER_HOURLY_STATS);
    assertThat(definitions.featureServices()).containsExactly(DriverFeatures.DRIVER_ACTIVITY);
  }

  @Test
  void theInitTemplateDeclaresTheSameAsTheExample() throws Exception {
    String template;
    try (InputStream in = InitCommand.class.getResourceAsStream("template/definitions.yaml")) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    RepoDefinitions fromTemplate =
        DefinitionLoader.parse(Map.of(Path.of("definitions.yaml"), template));

    assertThat(fromTemplate.all()).isEqualTo(DefinitionLoader.load(CliRun.EXAMPLE).all());
  }
}
