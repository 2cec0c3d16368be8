package dev.feast.iceberg.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SectionBinderTest {
  /** A setting that names one of a few choices. */
  public enum Strategy {
    ENTITY_HASH,
    TIMESTAMP,
    HYBRID
  }

  /** A plugin configuration as store plugins declare them. */
  public record SampleConfig(
      CatalogConfig catalog, Strategy partitionStrategy, Integer partitionBuckets) {
    public SampleConfig {
      partitionStrategy = partitionStrategy == null ? Strategy.ENTITY_HASH : partitionStrategy;
      if (partitionBuckets != null && partitionBuckets <= 0) {
        throw new IllegalArgumentException(
            "partition_buckets must be positive, not " + partitionBuckets);
      }
    }
  }

  private static StoreSection online(String yaml) {
    return RepoConfigLoader.parse(Path.of("/r/feature_store.yaml"), yaml, Map.of()).onlineStore();
  }

  @Test
  void bindsSnakeCaseKeysAndTheCatalogSection() {
    SampleConfig config =
        SectionBinder.bind(
            online(
                """
        project: p
        online_store:
          type: iceberg
          partition_strategy: hybrid
          partition_buckets: 8
          catalog:
            type: rest
            name: prod
            uri: http://localhost:8181
            s3.secret-access-key: hidden
        """),
            SampleConfig.class);

    assertThat(config.partitionStrategy()).isEqualTo(Strategy.HYBRID);
    assertThat(config.partitionBuckets()).isEqualTo(8);
    assertThat(config.catalog().type()).isEqualTo("rest");
    assertThat(config.catalog().name()).isEqualTo("prod");
    assertThat(config.catalog().properties())
        .containsEntry("uri", "http://localhost:8181")
        .containsEntry("s3.secret-access-key", "hidden");
    assertThat(config.catalog().toString()).doesNotContain("hidden");
  }

  @Test
  void unknownKeyNamesLineKeyAndKnownKeys() {
    assertThatThrownBy(
            () ->
                SectionBinder.bind(
                    online(
                        """
        project: p
        online_store:
          type: iceberg
          partition_stratgy: hybrid
        """),
                    SampleConfig.class))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("feature_store.yaml line 4")
        .hasMessageContaining("unknown key 'partition_stratgy' in online_store")
        .hasMessageContaining("partition_strategy");
  }

  @Test
  void anUnknownKeyInASectionWithoutATypeNamesTheSectionOnceAndTheDefaultType() {
    assertThatThrownBy(
            () ->
                SectionBinder.bind(
                    online(
                        """
        project: p
        online_store:
          path: data/online_store.db
        """),
                    SampleConfig.class))
        .hasMessageStartingWith(
            "feature_store.yaml line 3: unknown key 'path' in online_store for online_store type"
                + " 'iceberg' (no type is written, so this project's default, not Feast's sqlite);"
                + " known keys: catalog, partition_buckets, partition_strategy");
  }

  @Test
  void wrongTypeNamesTheKey() {
    assertThatThrownBy(
            () ->
                SectionBinder.bind(
                    online(
                        """
        project: p
        online_store:
          partition_buckets: many
        """),
                    SampleConfig.class))
        .hasMessageContaining("line 3")
        .hasMessageContaining("online_store.partition_buckets");
  }

  @Test
  void validationInTheRecordReachesTheUser() {
    assertThatThrownBy(
            () ->
                SectionBinder.bind(
                    online(
                        """
        project: p
        online_store:
          partition_buckets: -1
        """),
                    SampleConfig.class))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("partition_buckets must be positive, not -1");
  }

  @Test
  void catalogWithoutTypeIsAnError() {
    assertThatThrownBy(
            () ->
                SectionBinder.bind(
                    online(
                        """
        project: p
        online_store:
          catalog:
            uri: x
        """),
                    SampleConfig.class))
        .hasMessageContaining("line 3")
        .hasMessageContaining("catalog needs a type");
  }

  @Test
  void anEnumIsBoundFromItsLowerCaseNameInAnyCase() {
    SampleConfig config =
        SectionBinder.bind(
            online(
                """
        project: p
        online_store:
          partition_strategy: Entity_Hash
        """),
            SampleConfig.class);

    assertThat(config.partitionStrategy()).isEqualTo(Strategy.ENTITY_HASH);
  }

  @Test
  void aBadEnumValueNamesTheLineTheKeyAndTheAllowedValues() {
    assertThatThrownBy(
            () ->
                SectionBinder.bind(
                    online(
                        """
        project: p
        online_store:
          partition_strategy: by_key
        """),
                    SampleConfig.class))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith(
            "line 3: invalid value for 'online_store.partition_strategy': 'by_key' is not"
                + " supported; use one of: entity_hash, timestamp, hybrid");
  }
}
