package dev.feast.iceberg.spark.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.catalog.jdbc.JdbcCatalogProviderFactory;
import dev.feast.iceberg.offline.conformance.SourceDeletes;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.testsuite.OfflineStoreConformance;
import dev.feast.iceberg.testsuite.TestPluginContext;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.nio.file.Path;
import java.util.Map;
import static dev.feast.iceberg.testsuite.RowSetAssertions.assertSameRows;

import org.junit.jupiter.api.Test;

/** The Spark store passes the offline conformance suite on {@code local[2]}, one session per class. */
class LocalSparkConformanceTest extends OfflineStoreConformance {
  private SparkOfflineStore store;

  @Override
  protected OfflineStore createStore(Path directory) {
    TestPluginContext context =
        closeAfterAll(TestPluginContext.of(directory, new JdbcCatalogProviderFactory()));
    CatalogConfig catalog =
        new CatalogConfig(
            "jdbc",
            "feast",
            Map.of(
                "uri", "jdbc:sqlite:" + directory.resolve("catalog.db"),
                "warehouse", directory.resolve("warehouse").toString()));
    store = (SparkOfflineStore) new SparkOfflineStoreFactory()
        .create(SparkOfflineStoreConfig.of(catalog, TestSpark.localConf()), context);
    return store;
  }

  @Override
  protected OfflineStore createStoreWithoutPruning(Path directory) {
    return store.withPruning(false);
  }

  @Override
  protected void commitDelete(FeatureView view, DeleteKind kind, String column, Object value) {
    SourceDeletes.delete(store.catalog(), view, kind, column, value);
  }

  @Test
  void retrievalsAreComputedBySparkAsASortedWindowWithoutARangeJoin() {
    assertThat(store.session().sparkContext().master()).isEqualTo("local[2]");
    var request = request(dataset().orders(), false, ViewSelection.all(dataset().driverStats()));
    try (RetrievalJob job = store.getHistoricalFeatures(request)) {
      String plan = ((SparkRetrievalJob) job).toDataset().queryExecution().executedPlan().toString();
      assertThat(plan).contains("Window").contains("Exchange").doesNotContain("Join");
      assertSameRows("Spark plan result", job.toRowSet(), expected(request));
    }
  }
}
