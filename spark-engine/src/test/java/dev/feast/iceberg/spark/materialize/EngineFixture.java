package dev.feast.iceberg.spark.materialize;

import dev.feast.iceberg.catalog.jdbc.JdbcCatalogProviderFactory;
import dev.feast.iceberg.core.materialize.LocalMaterializationEngineFactory;
import dev.feast.iceberg.offline.IcebergOfflineStoreConfig;
import dev.feast.iceberg.offline.IcebergOfflineStoreFactory;
import dev.feast.iceberg.online.IcebergOnlineStoreConfig;
import dev.feast.iceberg.online.IcebergOnlineStoreFactory;
import dev.feast.iceberg.spark.LocalSpark;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.materialize.MaterializationEngine;
import dev.feast.iceberg.spi.materialize.MaterializationStores;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.online.OnlineStore;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * What the engine tests share: Iceberg stores on JDBC catalogs (SQLite), the JVM's Spark session on
 * {@code local[2]} that the engines use (and do not stop), and both engines between the stores.
 */
final class EngineFixture {
  private EngineFixture() {}

  /** The JVM's shared session on local[2] ({@link LocalSpark}); tests do not stop it. */
  static SparkSession localSpark() {
    return LocalSpark.session();
  }

  static CatalogConfig catalog(Path directory) {
    return TestPluginContext.sqliteCatalog(directory);
  }

  static TestPluginContext context(Path directory) {
    return TestPluginContext.of(directory, new JdbcCatalogProviderFactory());
  }

  static OfflineStore offlineStore(TestPluginContext context, Path directory) {
    return new IcebergOfflineStoreFactory().create(offlineConfig(directory), context);
  }

  static IcebergOfflineStoreConfig offlineConfig(Path directory) {
    return IcebergOfflineStoreConfig.of(catalog(directory));
  }

  static IcebergOnlineStoreConfig onlineConfig(Path directory) {
    return IcebergOnlineStoreConfig.defaults(catalog(directory));
  }

  static OnlineStore onlineStore(TestPluginContext context, Path directory) {
    return new IcebergOnlineStoreFactory().create(onlineConfig(directory), context);
  }

  static MaterializationEngine sparkEngine(
      TestPluginContext context, MaterializationStores stores, Map<String, String> sparkConf) {
    return new SparkMaterializationEngineFactory()
        .create(new SparkEngineConfig(sparkConf), context, stores);
  }

  static MaterializationEngine localEngine(
      TestPluginContext context, MaterializationStores stores) {
    return new LocalMaterializationEngineFactory()
        .create(new LocalMaterializationEngineFactory.Config(null), context, stores);
  }
}
