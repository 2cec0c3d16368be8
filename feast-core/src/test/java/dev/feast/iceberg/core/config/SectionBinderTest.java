package dev.feast.iceberg.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
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

  /** A plugin configuration with keys its plugin declares secret. */
  public record SecretConfig(CatalogConfig catalog, String apiKey, Integer pin) {
    public SecretConfig {
      if (apiKey != null && !apiKey.startsWith("ak-")) {
        throw new IllegalArgumentException("api_key must start with ak-, not " + apiKey);
      }
    }
  }

  private static final Set<String> STORE_SECRETS = Set.of("api_key", "pin");

  /** The secret keys of the catalog types this test pretends are installed. */
  private static Set<String> catalogSecrets(String type) {
    return type.equals("rest") ? Set.of("token") : null;
  }

  /** Binds the online store section to {@link SecretConfig}, with the secret keys declared. */
  private static SecretConfig bindDeclaring(String yaml) {
    return SectionBinder.bind(
        online(yaml), SecretConfig.class, STORE_SECRETS, SectionBinderTest::catalogSecrets);
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

  @Test
  void aBoundCatalogCarriesItsPluginsSecretKeysAndHidesOnlyThose() {
    SecretConfig config =
        bindDeclaring(
            """
        project: p
        online_store:
          catalog:
            type: rest
            uri: http://localhost:8181
            token: tok-0123456
            s3.endpoint: http://s3.local
        """);

    assertThat(config.catalog().secretKeys()).containsExactly("token");
    assertThat(config.catalog().toString())
        .contains("token=****", "uri=http://localhost:8181", "s3.endpoint=http://s3.local")
        .doesNotContain("tok-0123456");
  }

  @Test
  void aCatalogOfATypeNotInstalledPrintsNoValue() {
    SecretConfig config =
        bindDeclaring(
            """
        project: p
        online_store:
          catalog:
            type: vendor
            uri: http://vendor.local
            signing_blob: blob-987654
        """);

    assertThat(config.catalog().secretKeys()).isNull();
    assertThat(config.catalog().toString())
        .contains("signing_blob=****", "uri=****")
        .doesNotContain("blob-987654");
  }

  @Test
  void aWronglyTypedSecretValueIsNotEchoed() {
    Throwable e =
        catchThrowable(
            () ->
                bindDeclaring(
                    """
        project: p
        online_store:
          pin: hunter2-pin
        """));

    assertThat(e)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("online_store.pin");
    assertThat(stackTrace(e)).doesNotContain("hunter2-pin");
  }

  @Test
  void aSecretValueTheRecordRefusesIsNotEchoedUnlessUndeclared() {
    String yaml =
        """
        project: p
        online_store:
          api_key: sk-live-424242
        """;

    Throwable e = catchThrowable(() -> bindDeclaring(yaml));

    assertThat(e).hasMessageContaining("api_key must start with ak-, not ****");
    assertThat(stackTrace(e)).doesNotContain("sk-live-424242");
    // Without the declaration the same value is quoted: the redaction follows the declared keys.
    assertThatThrownBy(() -> SectionBinder.bind(online(yaml), SecretConfig.class))
        .hasMessageContaining("not sk-live-424242");
  }

  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
