package dev.feast.iceberg.spark.materialize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.materialize.MaterializationEngine;
import dev.feast.iceberg.spi.materialize.MaterializationStores;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.online.OnlineStore;
import dev.feast.iceberg.testsuite.MaterializationEngineConformance;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * {@code batch_engine: spark} on {@code local[2]} under the engine conformance suite: Spark reads
 * the offline Iceberg tables and its executors write the online store's tables.
 */
class LocalSparkEngineConformanceTest extends MaterializationEngineConformance {
  private Path offlineDirectory;
  private TestPluginContext offlineContext;
  private Path onlineDirectory;
  private TestPluginContext onlineContext;

  @Override
  protected OfflineStore createOfflineStore(Path directory) {
    EngineFixture.localSpark(); // the engine finds the JVM's shared session running and uses it
    offlineDirectory = directory;
    offlineContext = closeAfterAll(EngineFixture.context(directory));
    return EngineFixture.offlineStore(offlineContext, directory);
  }

  @Override
  protected OnlineStore createOnlineStore(Path directory) {
    onlineDirectory = directory;
    onlineContext = closeAfterEach(EngineFixture.context(directory));
    return EngineFixture.onlineStore(onlineContext, directory);
  }

  @Override
  protected MaterializationEngine createEngine(OfflineStore offline, OnlineStore online) {
    // The offline catalog is opened by the offline store's context; the engine opens it again
    // through the online context, as the runtime's single context would hand it over.
    return EngineFixture.sparkEngine(
        onlineContext,
        new MaterializationStores(
            offline,
            EngineFixture.offlineConfig(offlineDirectory),
            online,
            EngineFixture.onlineConfig(onlineDirectory),
            1000),
        Map.of());
  }

  /** The rows are computed and written by Spark jobs on the session, not in the driver alone. */
  @Test
  void materializationRunsAsSparkJobs() {
    SparkSession spark = EngineFixture.localSpark();
    int before = spark.sparkContext().statusTracker().getJobIdsForGroup(null).length;
    materialize(views().get(0), dataset().start(), dataset().end());
    assertThat(spark.sparkContext().statusTracker().getJobIdsForGroup(null).length)
        .as("jobs the session ran")
        .isGreaterThan(before);
  }
}
