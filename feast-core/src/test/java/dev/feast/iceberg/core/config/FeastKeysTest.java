package dev.feast.iceberg.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every key of Feast's {@code feature_store.yaml} is used, kept, or accepted with a notice of how
 * it is treated; what this project cannot run is a problem with the file and line; a key Feast does
 * not have is an error.
 */
class FeastKeysTest {
  private static final Path FILE = Path.of("/repo/feature_store.yaml");

  private static RepoConfig parse(String yaml) {
    return RepoConfigLoader.parse(FILE, "project: p\n" + yaml, Map.of());
  }

  @Test
  void aKeyFeastDoesNotHaveIsAnErrorSayingSo() {
    assertThatThrownBy(() -> parse("provider: local\nonline_stores: {}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("feature_store.yaml line 3: unknown key 'online_stores'")
        .hasMessageContaining("not a key of Feast's feature_store.yaml")
        .hasMessageContaining("online_store");
  }

  @Test
  void aPlainFileHasNoNoticesAndNoProblems() {
    RepoConfig config = parse("provider: local\n");

    assertThat(config.notices()).isEmpty();
    assertThat(config.problems()).isEmpty();
  }

  @Test
  void projectDescriptionIsKept() {
    assertThat(parse("project_description: Rides\n").projectDescription()).isEqualTo("Rides");
  }

  @Nested
  class Auth {
    @Test
    void noAuthIsWhatThisProjectDoes() {
      RepoConfig config = parse("auth:\n  type: no_auth\n");

      assertThat(config.auth().type()).isEqualTo("no_auth");
      assertThat(config.notices()).isEmpty();
      assertThat(parse("").auth().type()).isEqualTo("no_auth");
    }

    @Test
    void oidcIsKeptForTheFeatureServerWithANotice() {
      RepoConfig config =
          parse(
              """
          auth:
            type: oidc
            auth_discovery_url: https://idp.example/.well-known/openid-configuration
            client_id: feast
            client_secret: s3cr3t
          """);

      assertThat(config.auth().type()).isEqualTo("oidc");
      assertThat(config.auth().body().get("client_id").asText()).isEqualTo("feast");
      assertThat(config.auth().toString()).doesNotContain("s3cr3t");
      assertThat(config.notices())
          .containsExactly(
              "feature_store.yaml line 3: auth type oidc is kept for a feature server, which reads"
                  + " it; the CLI and the Java API do not authenticate");
      assertThat(config.problems()).isEmpty();
    }

    @Test
    void kubernetesIsAProblemListingTheSupportedTypes() {
      RepoConfig config = parse("auth:\n  type: kubernetes\n");

      assertThat(config.problems())
          .containsExactly(
              "feature_store.yaml line 3: auth type 'kubernetes' is not available here;"
                  + " supported: no_auth, oidc");
    }

    @Test
    void aTypeFeastDoesNotHaveOrNoTypeIsAnError() {
      assertThatThrownBy(() -> parse("auth:\n  type: basic\n"))
          .hasMessage(
              "feature_store.yaml line 3: auth type 'basic' is not one of Feast's: no_auth,"
                  + " kubernetes, oidc");
      assertThatThrownBy(() -> parse("auth:\n  client_id: x\n"))
          .hasMessageContaining("line 2: auth needs a type");
    }

    @Test
    void aKeyNotOfTheTypeIsAnError() {
      assertThatThrownBy(() -> parse("auth:\n  type: oidc\n  discovery: x\n"))
          .hasMessageContaining("line 4: unknown key 'discovery' in auth")
          .hasMessageContaining("auth_discovery_url");
      assertThatThrownBy(() -> parse("auth:\n  type: no_auth\n  client_id: x\n"))
          .hasMessageContaining("line 4: unknown key 'client_id' in auth");
    }
  }

  @Nested
  class BatchEngine {
    @Test
    void localIsTheDefaultAndItsSectionIsKept() {
      assertThat(parse("").batchEngine().type()).isEqualTo("local");
      assertThat(parse("batch_engine: local\n").batchEngine().type()).isEqualTo("local");
      RepoConfig config = parse("batch_engine:\n  type: local\n  backend: polars\n");

      assertThat(config.batchEngine().body().get("backend").asText()).isEqualTo("polars");
      assertThat(config.notices())
          .containsExactly(
              "feature_store.yaml line 4: batch_engine.backend is not used: materialization runs in this JVM");
    }

    @ParameterizedTest
    @ValueSource(strings = {"spark", "snowflake.engine", "my.module.MyEngine"})
    void anotherTypeIsKeptForItsPluginWhichRepoCheckFinds(String type) {
      RepoConfig config = parse("batch_engine:\n  type: " + type + "\n  partitions: 4\n");

      assertThat(config.batchEngine().type()).isEqualTo(type);
      assertThat(config.batchEngine().body().get("partitions").asInt()).isEqualTo(4);
      assertThat(config.problems()).isEmpty();
    }

    @Test
    void feastsOlderKeyIsReadToo() {
      assertThat(parse("batch_engine_config:\n  type: local\n").batchEngine().key())
          .isEqualTo("batch_engine_config");
      assertThatThrownBy(() -> parse("batch_engine: local\nbatch_engine_config: local\n"))
          .hasMessageContaining("not both");
      assertThatThrownBy(() -> parse("batch_engine:\n  backend: pandas\n"))
          .hasMessageContaining("line 2: batch_engine needs a type");
    }
  }

  @Nested
  class FeatureServer {
    @Test
    void isKeptWithANotice() {
      RepoConfig config = parse("feature_server:\n  type: local\n  enabled: true\n");

      assertThat(config.featureServer()).get().extracting(StoreSection::type).isEqualTo("local");
      assertThat(config.notices())
          .singleElement()
          .asString()
          .startsWith("feature_store.yaml line 2: feature_server is kept");
      assertThat(parse("").featureServer()).isEmpty();
    }

    @Test
    void anUnknownTypeOrKeyIsAnError() {
      assertThatThrownBy(() -> parse("feature_server:\n  type: grpc\n"))
          .hasMessageContaining(
              "line 3: feature_server type 'grpc' is not one of Feast's: local, mcp");
      assertThatThrownBy(() -> parse("feature_server:\n  mcp_enabled: true\n"))
          .hasMessageContaining("line 3: unknown key 'mcp_enabled' in feature_server");
      assertThat(parse("feature_server:\n  type: mcp\n  mcp_enabled: true\n").featureServer())
          .isPresent();
    }
  }

  @Nested
  class Registry {
    @Test
    void aLocalPathInEitherFormIsTheRegistryFile() {
      assertThat(parse("registry: reg/r.json\n").registryPath())
          .isEqualTo(Path.of("/repo/reg/r.json"));
      assertThat(parse("registry:\n  registry_type: file\n  path: /abs/r.json\n").registryPath())
          .isEqualTo(Path.of("/abs/r.json"));
      assertThat(parse("registry: file:///abs/r.json\n").registryPath())
          .isEqualTo(Path.of("/abs/r.json"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "s3://bucket/registry.db",
          "gs://bucket/registry.db",
          "https://host/registry.db",
          "hdfs://nn/r.db"
        })
    void aRemotePathIsAProblemAndNeverAPath(String path) {
      RepoConfig config = parse("registry: " + path + "\n");
      String scheme = path.substring(0, path.indexOf(':'));
      String expected =
          "feature_store.yaml line 2: registry '"
              + path
              + "' is on "
              + scheme
              + ", which this project"
              + " cannot write: the registry is a JSON file on a local path (absolute, or relative to"
              + " the repository folder); write e.g. registry: data/registry.json";

      assertThat(config.problems()).containsExactly(expected);
      assertThatThrownBy(config::registryPath)
          .isInstanceOf(ConfigException.class)
          .hasMessage(expected);
    }

    @Test
    void aRegistryTypeOtherThanFileIsAProblem() {
      RepoConfig config =
          parse(
              """
          registry:
            registry_type: sql
            path: postgresql://u:p@host:5432/feast
            sqlalchemy_config_kwargs: {echo: false}
          """);

      assertThat(config.problems())
          .containsExactly(
              "feature_store.yaml line 3: registry_type 'sql' is not available here: the registry of"
                  + " this project is a JSON file on a local path; write e.g. registry: data/registry.json");
      assertThatThrownBy(config::registryPath).hasMessageContaining("registry_type 'sql'");
      assertThatThrownBy(() -> parse("registry:\n  registry_type: mongo\n"))
          .hasMessage(
              "feature_store.yaml line 3: registry_type 'mongo' is not one of Feast's: file, sql,"
                  + " snowflake.registry, remote");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "1.5", "true"})
    void cacheTtlSecondsMustBeAWholeNumberOfSeconds(String value) {
      assertThatThrownBy(
              () -> parse("registry:\n  path: r.json\n  cache_ttl_seconds: " + value + "\n"))
          .isInstanceOf(ConfigException.class)
          .hasMessage(
              "feature_store.yaml line 4: registry.cache_ttl_seconds must be a whole number, 0 or"
                  + " more, not '"
                  + value
                  + "'");
    }

    @Test
    void cacheTtlSecondsIsKeptAndNoted() {
      RepoConfig config =
          parse("registry:\n  path: r.json\n  cache_ttl_seconds: 60\n  cache_mode: thread\n");

      assertThat(config.registry().cacheTtlSeconds()).isEqualTo(60);
      assertThat(config.notices())
          .containsExactly(
              "feature_store.yaml line 4: registry.cache_ttl_seconds is not used: the registry here"
                  + " is re-read whenever its file changes",
              "feature_store.yaml line 5: registry.cache_mode is not used: the registry here is"
                  + " re-read whenever its file changes");
      assertThatThrownBy(() -> parse("registry:\n  cache_mode: async\n"))
          .hasMessageContaining("line 3: registry.cache_mode must be sync or thread, not 'async'");
    }

    @Test
    void otherFeastRegistryKeysAreCheckedAndNoted() {
      RepoConfig config =
          parse(
              """
          registry:
            path: r.json
            registry_store_type: FileRegistryStore
            s3_additional_kwargs: {ServerSideEncryption: AES256}
            purge_feast_metadata: false
            enable_online_feature_view_versioning: false
          """);

      assertThat(config.problems()).isEmpty();
      assertThat(config.notices())
          .containsExactly(
              "feature_store.yaml line 5: registry.s3_additional_kwargs is not used: it configures"
                  + " Feast's S3 registry; this registry is a local JSON file",
              "feature_store.yaml line 6: registry.purge_feast_metadata is not used: it configures"
                  + " Feast's SQL registry; this registry is a local JSON file");
      assertThat(parse("registry:\n  registry_store_type: S3RegistryStore\n").problems())
          .singleElement()
          .asString()
          .contains("line 3: registry_store_type 'S3RegistryStore' is not available here");
      assertThat(parse("registry:\n  enable_online_feature_view_versioning: true\n").problems())
          .singleElement()
          .asString()
          .contains("versioned online feature views are not available here");
      assertThatThrownBy(() -> parse("registry:\n  pth: r.json\n"))
          .hasMessageContaining(
              "line 3: unknown key 'pth' in registry: not a key of Feast's feature_store.yaml");
    }

    @Test
    void aDbFileNameIsNotedBecauseFeastWritesProtobufThere() {
      assertThat(parse("registry: data/registry.db\n").notices())
          .singleElement()
          .asString()
          .startsWith(
              "feature_store.yaml line 2: registry data/registry.db is written as this project's JSON registry");
    }
  }

  @Nested
  class Provider {
    @Test
    void aCloudProviderWithoutStoreTypesIsAProblem() {
      RepoConfig config = parse("provider: aws\nonline_store:\n  type: iceberg\n");

      assertThat(config.problems())
          .containsExactly(
              "feature_store.yaml line 2: provider 'aws' leaves offline_store to Feast's aws defaults,"
                  + " which this project does not have; write the type of offline_store (e.g. type:"
                  + " iceberg), or provider: local for this project's defaults");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "gcp", "azure"})
    void aCloudProviderWithBothStoreTypesIsNoted(String provider) {
      RepoConfig config =
          parse(
              "provider: "
                  + provider
                  + "\noffline_store: {type: iceberg}\nonline_store: iceberg\n");

      assertThat(config.provider()).isEqualTo(provider);
      assertThat(config.problems()).isEmpty();
      assertThat(config.notices())
          .containsExactly(
              "feature_store.yaml line 2: provider '"
                  + provider
                  + "' chooses nothing here: the"
                  + " stores are the offline_store and online_store types written");
    }

    @Test
    void aProviderFeastDoesNotHaveIsAnErrorAndAPythonClassAProblem() {
      assertThatThrownBy(() -> parse("provider: ibm\n"))
          .hasMessage(
              "feature_store.yaml line 2: provider 'ibm' is not one of Feast's: local, aws, gcp, azure, unity_catalog");
      assertThat(parse("provider: my.module.MyProvider\n").problems())
          .singleElement()
          .asString()
          .contains("is a Python class, which cannot run here");
    }
  }

  @Nested
  class Materialization {
    @Test
    void feastsBatchSizeKeyIsHonouredAndTheEarlierOneStillRead() {
      RepoConfig config =
          parse("materialization:\n  online_write_batch_size: 500\n  pull_latest_features: true\n");

      assertThat(config.materializationBatchSize()).isEqualTo(500);
      assertThat(config.pullLatestFeatures()).isTrue();
      assertThat(parse("materialization:\n  batch_size: 7\n").materializationBatchSize())
          .isEqualTo(7);
      assertThat(parse("").materializationBatchSize()).isEqualTo(10_000);
    }

    @Test
    void badValuesNameTheKey() {
      assertThatThrownBy(() -> parse("materialization:\n  online_write_batch_size: 0\n"))
          .hasMessage(
              "feature_store.yaml line 3: materialization.online_write_batch_size must be a whole"
                  + " number, 1 or more, not '0'");
      assertThatThrownBy(() -> parse("materialization:\n  pull_latest_features: yes please\n"))
          .hasMessageContaining(
              "line 3: materialization.pull_latest_features must be true or false");
      assertThatThrownBy(
              () -> parse("materialization:\n  batch_size: 1\n  online_write_batch_size: 2\n"))
          .hasMessageContaining("not both");
    }
  }

  @Test
  void coerceTzAwareTrueIsWhatHappensAndFalseIsNoted() {
    assertThat(parse("coerce_tz_aware: true\n").notices()).isEmpty();
    assertThat(parse("coerce_tz_aware: false\n").notices())
        .containsExactly(
            "feature_store.yaml line 2: coerce_tz_aware: false is not honoured: timestamps without a"
                + " zone are always read as UTC");
    assertThatThrownBy(() -> parse("coerce_tz_aware: abc\n"))
        .hasMessage("feature_store.yaml line 2: coerce_tz_aware must be true or false, not 'abc'");
  }

  @Test
  void repoPathIsNotedWhenItIsNotTheFolderOfTheFile() {
    assertThat(parse("repo_path: /repo\n").notices()).isEmpty();
    assertThat(parse("repo_path: /elsewhere\n").notices())
        .containsExactly(
            "feature_store.yaml line 2: repo_path is not used: relative paths resolve against the"
                + " folder of feature_store.yaml, /repo");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"flags", "embedding_model", "openlineage", "mlflow", "data_quality_monitoring"})
  void keysWithNoEffectHereAreAcceptedWithANotice(String key) {
    RepoConfig config = parse(key + ":\n  enabled: true\n");

    assertThat(config.notices())
        .singleElement()
        .asString()
        .startsWith("feature_store.yaml line 2: " + key + " is not used: ");
    assertThat(config.problems()).isEmpty();
  }

  @Test
  void entityKeySerializationVersionMustBeThree() {
    assertThat(parse("entity_key_serialization_version: 3\n").entityKeySerializationVersion())
        .isEqualTo(3);
    assertThatThrownBy(() -> parse("entity_key_serialization_version: two\n"))
        .hasMessageContaining("line 2: entity_key_serialization_version must be a whole number");
  }

  @Test
  void storeSectionsSayWhetherTheTypeIsWritten() {
    RepoConfig config = parse("offline_store: iceberg\nonline_store:\n  path: x.db\n");

    assertThat(config.offlineStore().typeWritten()).isTrue();
    assertThat(config.offlineStore().describeType()).isEqualTo("type 'iceberg'");
    assertThat(config.onlineStore().typeWritten()).isFalse();
    assertThat(config.onlineStore().describeType())
        .isEqualTo(
            "type 'iceberg' (no type is written, so this project's default, not Feast's sqlite)");
  }
}
