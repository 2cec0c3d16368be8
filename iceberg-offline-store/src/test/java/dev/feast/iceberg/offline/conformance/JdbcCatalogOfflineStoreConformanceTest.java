package dev.feast.iceberg.offline.conformance;

import dev.feast.iceberg.catalog.jdbc.JdbcCatalogProviderFactory;
import dev.feast.iceberg.offline.IcebergOfflineStoreConfig;
import dev.feast.iceberg.offline.IcebergOfflineStoreFactory;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.testsuite.OfflineStoreConformance;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.nio.file.Path;
import java.util.Map;

/** The Iceberg offline store passes the offline conformance suite on a JDBC catalog (SQLite). */
class JdbcCatalogOfflineStoreConformanceTest extends OfflineStoreConformance {
  private TestPluginContext context;
  private CatalogConfig catalog;

  @Override
  protected OfflineStore createStore(Path directory) {
    context = closeAfterAll(TestPluginContext.of(directory, new JdbcCatalogProviderFactory()));
    catalog =
        new CatalogConfig(
            "jdbc",
            "feast",
            Map.of(
                "uri",
                "jdbc:sqlite:" + directory.resolve("catalog.db"),
                "warehouse",
                directory.resolve("warehouse").toString()));
    return new IcebergOfflineStoreFactory().create(IcebergOfflineStoreConfig.of(catalog), context);
  }

  @Override
  protected OfflineStore createStoreWithoutPruning(Path directory) {
    return new IcebergOfflineStoreFactory()
        .create(IcebergOfflineStoreConfig.of(catalog).withPruning(false), context);
  }

  @Override
  protected void commitDelete(FeatureView view, DeleteKind kind, String column, Object value) {
    IcebergSource source = (IcebergSource) view.source();
    IcebergSourceDeletes.delete(
        context.catalog(catalog).catalog().loadTable(source.identifier()), kind, column, value);
  }
}
