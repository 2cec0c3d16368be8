package dev.feast.iceberg.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.core.config.RepoConfig;
import dev.feast.iceberg.core.config.RepoConfigLoader;
import dev.feast.iceberg.core.plugin.Plugins;
import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.ValueType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What plan and apply check before anything is opened, with the plugins on the class path. */
class RepoCheckTest {
  private static final Plugins PLUGINS = Plugins.discover();

  private static RepoCheck.Stores check(String yaml) {
    RepoConfig config =
        RepoConfigLoader.parse(
            Path.of("/repo/feature_store.yaml"), "project: p\n" + yaml, Map.of());
    return RepoCheck.check(config, PLUGINS);
  }

  @Test
  void bindsEachStoreSectionToItsPlugin() {
    RepoCheck.Stores stores =
        check("offline_store:\n  type: sample\n  buckets: 4\nonline_store: sample\n");

    assertThat(stores.offline().factory()).isInstanceOf(SampleStores.Offline.class);
    assertThat(stores.offline().config()).isEqualTo(new SampleStores.SampleConfig(null, 4));
    assertThat(stores.online().section().type()).isEqualTo("sample");
  }

  @Test
  void aStoreTypeNotInstalledNamesTheOnesFound() {
    assertThatThrownBy(
            () -> check("offline_store: sample\nonline_store:\n  type: postgres\n  host: db\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Unknown online store type 'postgres' in feature_store.yaml line 4: not available here;"
                + " installed: registered, sample");
  }

  @Test
  void aKeyWithoutATypeNamesTheSectionOnceAndSaysTheTypeIsTheDefault() {
    // This class path has no iceberg store: the default type is not available either.
    assertThatThrownBy(
            () -> check("offline_store: sample\nonline_store:\n  path: data/online_store.db\n"))
        .hasMessage(
            "Unknown online store type 'iceberg' (no type is written, so this project's default,"
                + " not Feast's sqlite) in feature_store.yaml line 3: not available here; installed:"
                + " registered, sample");
    assertThatThrownBy(
            () ->
                check(
                    "offline_store: sample\nonline_store:\n  type: sample\n  path: data/online_store.db\n"))
        .hasMessage(
            "feature_store.yaml line 5: unknown key 'path' in online_store for online_store type"
                + " 'sample'; known keys: buckets, catalog");
  }

  @Test
  void theBatchEngineIsLocalUnlessWritten() {
    RepoCheck.Stores stores = check("offline_store: sample\nonline_store: sample\n");

    assertThat(stores.engine().section().type()).isEqualTo("local");
    assertThat(stores.engine().config())
        .isEqualTo(
            new dev.feast.iceberg.core.materialize.LocalMaterializationEngineFactory.Config(null));
  }

  @Test
  void aBatchEngineSectionIsBoundToItsPluginsConfiguration() {
    RepoCheck.Stores stores =
        check(
            "offline_store: sample\nonline_store: sample\nbatch_engine:\n  type: sample\n  partitions: 4\n");

    assertThat(stores.engine().factory()).isInstanceOf(SampleEngine.class);
    assertThat(stores.engine().config()).isEqualTo(new SampleEngine.Config(4));
    assertThatThrownBy(
            () ->
                check(
                    "offline_store: sample\nonline_store: sample\nbatch_engine:\n  type: sample\n  partition: 4\n"))
        .hasMessage(
            "feature_store.yaml line 6: unknown key 'partition' in batch_engine for batch_engine type"
                + " 'sample'; known keys: partitions");
    assertThatThrownBy(
            () ->
                check(
                    "offline_store: sample\nonline_store: sample\nbatch_engine_config:\n  type: sample\n  partitions: 0\n"))
        .hasMessage(
            "feature_store.yaml line 4: invalid batch_engine_config: partitions must be positive, not 0");
  }

  @Test
  void aBatchEngineNotInstalledNamesTheOnesFoundAndTheJarToAdd() {
    assertThatThrownBy(
            () ->
                check(
                    "offline_store: sample\nonline_store: sample\nbatch_engine:\n  type: spark\n  spark_conf: {}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Unknown batch_engine type 'spark' in feature_store.yaml line 5: not available here;"
                + " installed: local, sample; add the spark-engine module's jar"
                + " (dev.feast.iceberg:spark-engine) and Spark's to the class path");
    assertThatThrownBy(
            () ->
                check(
                    "offline_store: sample\nonline_store: sample\nbatch_engine: snowflake.engine\n"))
        .hasMessage(
            "Unknown batch_engine type 'snowflake.engine' in feature_store.yaml line 4: not available"
                + " here; installed: local, sample; add the jar of the plugin that provides it to the"
                + " class path");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                check(
                    """
        registry: s3://bucket/registry.db
        offline_store:
          type: sample
          buckets: 0
        online_store:
          type: sample
          catalog: {type: jdbc}
        """))
        .hasMessageStartingWith(
            "feature_store.yaml has 3 problems: [1] feature_store.yaml line 2: registry 's3://bucket/registry.db' is on s3")
        .hasMessageContaining(
            "[2] feature_store.yaml line 3: invalid offline_store: buckets must be positive, not 0")
        .hasMessageContaining(
            "[3] feature_store.yaml line 8: catalog type 'jdbc' in online_store.catalog is not"
                + " available here; catalogs found: none");
  }

  @Test
  void viewsAreCheckedAgainstWhatEachStoreCanHoldBeforeAnyStoreIsCreated() {
    RepoCheck.Stores stores = check("offline_store: sample\nonline_store: sample\n");
    Entity driver = Entity.of("driver", "driver_id", ValueType.INT64);
    FeatureView fine =
        FeatureView.builder("stats")
            .entity(driver)
            .feature("trips", ValueType.INT64)
            .source(IcebergSource.of("feast.stats", "ts"))
            .build();
    FeatureView clash =
        FeatureView.builder("keys")
            .entity(driver)
            .feature("entity_key", ValueType.STRING)
            .source(IcebergSource.of("feast.keys", "ts"))
            .build();

    RepoCheck.checkViews(stores, List.of(fine));
    assertThatThrownBy(() -> RepoCheck.checkViews(stores, List.of(fine, clash)))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("Feature view 'keys' has a feature named 'entity_key'");
  }
}
