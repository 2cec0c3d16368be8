package dev.feast.iceberg.spark.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spark.materialize.SparkEngineEqualityTest;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The Spark materialization engine's equality test (same online answers as the local engine, the
 * online store's file layout, nothing committed when a job fails) on a real standalone cluster: a
 * Master and two Workers, each its own JVM, the driver in this JVM. It lives here, beside the
 * cluster fixture of the Spark offline store's tests, which it reuses.
 */
class StandaloneClusterEngineEqualityIT extends SparkEngineEqualityTest {
  private StandaloneCluster cluster;

  @Override
  protected SparkSession startSpark(Path folder) {
    cluster = closeAfterAll(StandaloneCluster.start(folder.resolve("cluster"), 2));
    SparkSession.Builder builder = SparkSession.builder().appName("feast-engine-cluster-it");
    cluster.driverConf().forEach(builder::config);
    return builder.getOrCreate();
  }

  @Test
  void theEnginesRanOnTheCluster() {
    assertThat(spark().sparkContext().master()).isEqualTo(cluster.masterUrl());
  }
}
