package dev.feast.iceberg.core.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureService;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.FeatureViewProjection;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.ValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefinitionLoaderTest {
  static final String DRIVER =
      """
      entities:
        - name: driver
          join_keys: [driver_id]
          value_type: Int64
          description: A driver
      feature_views:
        - name: driver_hourly_stats
          entities: [driver]
          ttl: 1d
          features:
            - {name: conv_rate, dtype: Float32}
            - {name: trips, dtype: Int64}
            - {name: tags, dtype: Array(String)}
          source:
            table: feast.driver_hourly_stats
            timestamp_field: event_timestamp
            created_timestamp_column: created
            field_mapping: {id: driver_id}
          online: false
          tags: {team: rides}
      feature_services:
        - name: activity
          features:
            - driver_hourly_stats
            - feature_view: driver_hourly_stats
              alias: other
              features: [conv_rate]
              join_key_map: {driver_id: other_driver}
      """;

  static RepoDefinitions parse(String... files) {
    Map<Path, String> texts = new LinkedHashMap<>();
    for (int i = 0; i < files.length; i++) {
      texts.put(Path.of("f" + i + ".yaml"), files[i]);
    }
    return DefinitionLoader.parse(texts);
  }

  @Test
  void readsEntitiesViewsAndServicesWithFeastNames() {
    RepoDefinitions definitions = parse(DRIVER);

    Entity driver = new Entity("driver", "driver_id", ValueType.INT64, "A driver");
    assertThat(definitions.entities()).containsExactly(driver);
    FeatureView expected =
        FeatureView.builder("driver_hourly_stats")
            .entity(driver)
            .feature("conv_rate", ValueType.FLOAT)
            .feature("trips", ValueType.INT64)
            .feature("tags", ValueType.STRING_LIST)
            .ttl(Duration.ofDays(1))
            .source(
                IcebergSource.of("feast.driver_hourly_stats", "event_timestamp", "created")
                    .withFieldMapping(Map.of("id", "driver_id")))
            .online(false)
            .tag("team", "rides")
            .build();
    assertThat(definitions.featureViews()).containsExactly(expected);
    assertThat(definitions.featureServices())
        .containsExactly(
            new FeatureService(
                "activity",
                List.of(
                    FeatureViewProjection.of("driver_hourly_stats"),
                    new FeatureViewProjection(
                        "driver_hourly_stats",
                        "other",
                        List.of("conv_rate"),
                        Map.of("driver_id", "other_driver"))),
                ""));
    assertThat(definitions.all()).hasSize(3);
  }

  @Test
  void definitionsMayReferToEachOtherAcrossFiles() {
    String entity = "entities:\n  - {name: driver, value_type: String}\n";
    String view =
        """
        feature_views:
          - name: v
            entities: [driver]
            features: [{name: f, dtype: Float64}]
            source: {table: ns.t, timestamp_field: ts}
        """;

    RepoDefinitions definitions = parse(view, entity);

    assertThat(definitions.featureViews().get(0).entityColumns())
        .extracting(f -> f.name() + ":" + f.type())
        .containsExactly("driver:STRING");
    assertThat(definitions.featureViews().get(0).ttl()).isZero();
  }

  @ParameterizedTest
  @CsvSource({
    "1d,P1D",
    "2h,PT2H",
    "1d12h,PT36H",
    "90m,PT1H30M",
    "45s,PT45S",
    "3600,PT1H",
    "PT2H,PT2H",
    "0,PT0S"
  })
  void ttlAcceptsShortFormsSecondsAndIso(String text, String iso) {
    assertThat(Ttls.parse(text)).isEqualTo(Duration.parse(iso));
  }

  @Test
  void ttlFormatsBackToTheShortForm() {
    assertThat(Ttls.format(Duration.ofHours(36))).isEqualTo("1d12h");
    assertThat(Ttls.format(Duration.ZERO)).isEqualTo("0");
  }

  @Test
  void anUnknownKeyNamesTheFileTheLineAndTheKnownKeys() {
    String text = DRIVER.replace("    online: false\n", "    onlin: false\n");
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("f0.yaml line 19: unknown key 'onlin' in a feature view")
        .hasMessageContaining("known keys: name, entities");
  }

  @Test
  void aBadTtlNamesTheViewAndShowsTheForms() {
    assertThatThrownBy(() -> parse(DRIVER.replace("ttl: 1d", "ttl: 1x")))
        .hasMessageStartingWith(
            "f0.yaml line 9: feature view 'driver_hourly_stats': ttl '1x' is not a duration")
        .hasMessageContaining("1d, 2h");
  }

  @Test
  void aBadDtypeNamesTheFeatureAndTheTypes() {
    assertThatThrownBy(() -> parse(DRIVER.replace("dtype: Int64}", "dtype: Integer}")))
        .hasMessageStartingWith(
            "f0.yaml line 12: feature view 'driver_hourly_stats': feature 'trips': Unknown value"
                + " type 'Integer'")
        .hasMessageContaining("Float32");
  }

  @Test
  void anUndeclaredEntityIsAnErrorAtTheViewsEntitiesKey() {
    assertThatThrownBy(() -> parse(DRIVER.replace("entities: [driver]", "entities: [drivr]")))
        .hasMessage(
            "f0.yaml line 8: feature view 'driver_hourly_stats' uses entity 'drivr', which no"
                + " definitions file declares; declared entities: [driver]");
  }

  @Test
  void aServiceOfAnUnknownViewOrFeatureIsAnError() {
    assertThatThrownBy(
            () -> parse(DRIVER.replace("      - driver_hourly_stats\n", "      - driver_stats\n")))
        .hasMessageContaining(
            "f0.yaml line 22: feature service 'activity' serves feature view 'driver_stats'");
    assertThatThrownBy(() -> parse(DRIVER.replace("features: [conv_rate]", "features: [conv]")))
        .hasMessageContaining("Feature 'conv' is not in feature view 'driver_hourly_stats'");
  }

  @Test
  void aNameDeclaredTwiceNamesBothPlaces() {
    String again = "entities:\n  - {name: driver, value_type: Int64}\n";
    assertThatThrownBy(() -> parse(DRIVER, again))
        .hasMessage(
            "f1.yaml line 2: entity 'driver' is already declared at f0.yaml line 2; rename one or"
                + " remove it");
  }

  @Test
  void missingRequiredKeysSayWhatToAdd() {
    assertThatThrownBy(() -> parse("entities:\n  - name: driver\n"))
        .hasMessageContaining(
            "f0.yaml line 2: entity 'driver' has no value_type; add value_type: Int64");
    assertThatThrownBy(() -> parse(DRIVER.replace("      timestamp_field: event_timestamp\n", "")))
        .hasMessageContaining(
            "f0.yaml line 14: a source of feature view 'driver_hourly_stats' needs"
                + " 'timestamp_field'");
  }

  @Test
  void invalidYamlNamesTheLine() {
    assertThatThrownBy(() -> parse("entities:\n  - name: [driver\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("f0.yaml line 2: not valid YAML");
  }

  @Test
  void filesAreTheYamlFilesOfTheRepositoryFolderButFeatureStoreYaml(@TempDir Path repo)
      throws Exception {
    Files.writeString(repo.resolve("feature_store.yaml"), "project: p\n");
    Files.writeString(repo.resolve("b.yml"), "entities:\n  - {name: b, value_type: Int64}\n");
    Files.writeString(repo.resolve("a.yaml"), "entities:\n  - {name: a, value_type: Int64}\n");
    Files.writeString(repo.resolve("notes.txt"), "not yaml");
    Files.createDirectories(repo.resolve("data"));
    Files.writeString(repo.resolve("data/ignored.yaml"), "garbage: [");

    RepoDefinitions definitions = DefinitionLoader.load(repo);

    assertThat(definitions.files()).containsExactly(repo.resolve("a.yaml"), repo.resolve("b.yml"));
    assertThat(definitions.entities()).extracting(Entity::name).containsExactly("a", "b");
  }
}
