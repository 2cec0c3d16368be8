package dev.feast.iceberg.spark.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spark.materialize.SparkEngineEqualityTest;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Spark materialization engine's equality test (same online answers as the local engine, the
 * online store's file layout, nothing committed when a job fails) on a real standalone cluster: a
 * Master and two Workers, each its own JVM, the driver in this JVM; the cluster is shared with the
 * other cluster ITs ({@link SharedCluster}). It lives here, beside that fixture.
 */
@ExtendWith(SharedCluster.class)
@Order(1) // before the conformance IT, which kills a Worker
class StandaloneClusterEngineEqualityIT extends SparkEngineEqualityTest {
  @Override
  protected SparkSession startSpark(Path folder) {
    return SharedCluster.session();
  }

  @Test
  void theEnginesRanOnTheCluster() {
    assertThat(spark().sparkContext().master()).isEqualTo(SharedCluster.cluster().masterUrl());
  }
}
