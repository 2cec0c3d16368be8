package dev.feast.iceberg.spark.offline;

import dev.feast.iceberg.catalog.jdbc.JdbcCatalogProviderFactory;
import dev.feast.iceberg.offline.conformance.IcebergSourceDeletes;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.testsuite.OfflineStoreConformance;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.nio.file.Path;
import java.util.Map;

/**
 * The offline conformance suite for the Spark store on a JDBC (SQLite) catalog: one store, and so
 * one Spark session, per test class, on the master {@link #sparkConf} names.
 */
abstract class SparkConformanceBase extends OfflineStoreConformance {
  protected SparkOfflineStore store;

  /** The store's {@code spark_conf}; called once, in the class's folder. */
  protected abstract Map<String, String> sparkConf(Path directory);

  @Override
  protected OfflineStore createStore(Path directory) {
    Map<String, String> conf = sparkConf(directory);
    TestPluginContext context =
        closeAfterAll(TestPluginContext.of(directory, new JdbcCatalogProviderFactory()));
    CatalogConfig catalog = TestPluginContext.sqliteCatalog(directory);
    store =
        (SparkOfflineStore)
            new SparkOfflineStoreFactory()
                .create(SparkOfflineStoreConfig.of(catalog, conf), context);
    return store;
  }

  @Override
  protected OfflineStore createStoreWithoutPruning(Path directory) {
    return store.withPruning(false);
  }

  @Override
  protected void commitDelete(FeatureView view, DeleteKind kind, String column, Object value) {
    IcebergSourceDeletes.delete(store.catalog(), view, kind, column, value);
  }
}
