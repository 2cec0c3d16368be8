package dev.feast.iceberg.spark.offline;

import static dev.feast.iceberg.testsuite.RowSetAssertions.assertSameRows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spark.LocalSpark;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.Test;

/**
 * The Spark store passes the offline conformance suite on {@code local[2]}: the JVM's shared
 * context ({@link LocalSpark}), with a session and catalog of the class's own.
 */
class LocalSparkConformanceTest extends SparkConformanceBase {
  @Override
  protected Map<String, String> sparkConf(Path directory) {
    LocalSpark.session(); // the store gets a session of its own on the JVM's shared context
    return LocalSpark.conf();
  }

  @Test
  void retrievalsAreComputedBySparkAsASortedWindowWithoutARangeJoin() {
    assertThat(store.session().sparkContext().master()).isEqualTo("local[2]");
    var request = request(dataset().orders(), false, ViewSelection.all(dataset().driverStats()));
    try (RetrievalJob job = store.getHistoricalFeatures(request)) {
      String plan =
          ((SparkRetrievalJob) job).toDataset().queryExecution().executedPlan().toString();
      assertThat(plan).contains("Window").contains("Exchange").doesNotContain("Join");
      assertSameRows("Spark plan result", job.toRowSet(), expected(request));
    }
  }

  @Test
  void arrowBatchesHoldTheRowsInEntityRowOrderWithTheirTypes() throws Exception {
    var request = request(dataset().orders(), false, ViewSelection.all(dataset().driverStats()));
    try (RetrievalJob job = store.getHistoricalFeatures(request);
        BufferAllocator allocator = new RootAllocator();
        ArrowReader reader = ((SparkRetrievalJob) job).arrow(allocator)) {
      RowSet rows = job.toRowSet();
      int r = 0;
      while (reader.loadNextBatch()) {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        assertThat(root.getVector("conv_rate")).isInstanceOf(Float4Vector.class);
        for (int i = 0; i < root.getRowCount(); r++, i++) {
          assertThat(String.valueOf(root.getVector("order_id").getObject(i)))
              .isEqualTo(rows.get(r, "order_id"));
          assertThat(root.getVector("conv_rate").getObject(i)).isEqualTo(rows.get(r, "conv_rate"));
        }
      }
      assertThat(r).isEqualTo(rows.size());
    }
  }
}
