package dev.feast.iceberg.spark.offline;

import static dev.feast.iceberg.testsuite.RowSetAssertions.assertSameRows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance suite on a real standalone cluster (a Master and two Workers, each its own JVM),
 * the driver in this JVM submitting to {@code spark://127.0.0.1:<port>}; the cluster and the
 * driver's context are shared with the other cluster ITs ({@link SharedCluster}). Last, one Worker
 * is killed in the middle of a retrieval.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedCluster.class)
@Order(2) // after the other cluster ITs: it kills a Worker
class StandaloneClusterConformanceIT extends SparkConformanceBase {
  private StandaloneCluster cluster;

  @Override
  protected Map<String, String> sparkConf(Path directory) {
    cluster = SharedCluster.cluster();
    SharedCluster.session(); // the store gets a session of its own on the shared driver's context
    return cluster.driverConf();
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void aWorkerKilledMidRetrievalIsRecoveredFromAndTheAnswerIsRight() {
    assertThat(store.session().sparkContext().master()).isEqualTo(cluster.masterUrl());
    HistoricalRequest request =
        request(
            dataset().orders(),
            false,
            ViewSelection.all(dataset().driverStats()),
            ViewSelection.all(dataset().customerProfile()),
            ViewSelection.all(dataset().order()));
    AtomicBoolean killed = new AtomicBoolean();
    // Once the first stage's shuffle output is written, its Worker dies: the next stage cannot
    // fetch it, and Spark must recompute the lost partitions on the Worker that is left.
    SparkListener killer =
        new SparkListener() {
          @Override
          public void onStageCompleted(SparkListenerStageCompleted stage) {
            if (killed.compareAndSet(false, true)) {
              cluster.killWorker(0);
            }
          }
        };
    store.session().sparkContext().addSparkListener(killer);
    RowSet result;
    try {
      result = retrieve(request);
    } finally {
      store.session().sparkContext().removeSparkListener(killer);
    }
    assertThat(killed).as("a Worker was killed during the retrieval").isTrue();
    assertSameRows("after losing a Worker", result, expected(request));
  }
}
