package dev.feast.iceberg.reliability.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.catalog.jdbc.JdbcCatalogProviderFactory;
import dev.feast.iceberg.core.materialize.LocalMaterializationEngineFactory;
import dev.feast.iceberg.offline.IcebergOfflineStoreConfig;
import dev.feast.iceberg.offline.IcebergOfflineStoreFactory;
import dev.feast.iceberg.online.IcebergOnlineStoreConfig;
import dev.feast.iceberg.online.IcebergOnlineStoreFactory;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.materialize.MaterializationEngine;
import dev.feast.iceberg.spi.materialize.MaterializationStores;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.online.OnlineStore;
import dev.feast.iceberg.testsuite.MaterializationEngineConformance;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code batch_engine: local} (the default) under the engine conformance suite, between the Iceberg
 * offline and online stores on JDBC catalogs (SQLite), with small batches so that a view is written
 * in several.
 */
class LocalEngineConformanceTest extends MaterializationEngineConformance {
  private TestPluginContext offlineContext;
  private IcebergOfflineStoreConfig offlineConfig;
  private TestPluginContext onlineContext;
  private IcebergOnlineStoreConfig onlineConfig;

  @Override
  protected OfflineStore createOfflineStore(Path directory) {
    offlineContext =
        closeAfterAll(TestPluginContext.of(directory, new JdbcCatalogProviderFactory()));
    offlineConfig = IcebergOfflineStoreConfig.of(TestPluginContext.sqliteCatalog(directory));
    return new IcebergOfflineStoreFactory().create(offlineConfig, offlineContext);
  }

  @Override
  protected OnlineStore createOnlineStore(Path directory) {
    onlineContext =
        closeAfterEach(TestPluginContext.of(directory, new JdbcCatalogProviderFactory()));
    onlineConfig = IcebergOnlineStoreConfig.defaults(TestPluginContext.sqliteCatalog(directory));
    return new IcebergOnlineStoreFactory().create(onlineConfig, onlineContext);
  }

  @Override
  protected MaterializationEngine createEngine(OfflineStore offline, OnlineStore online) {
    return new LocalMaterializationEngineFactory()
        .create(
            new LocalMaterializationEngineFactory.Config(null),
            onlineContext,
            new MaterializationStores(offline, offlineConfig, online, onlineConfig, 7));
  }

  /**
   * Batches of 7 rows: the dataset's largest view is pulled in several batches, and written whole.
   */
  @Test
  void aViewLargerThanOneBatchIsMaterializedWithEveryRow() {
    long largest = 0;
    for (FeatureView view : views()) {
      largest = Math.max(largest, materialize(view, dataset().start(), dataset().end()).rows());
    }
    assertThat(largest).as("rows of the largest view, in batches of 7").isGreaterThan(7);
  }
}
