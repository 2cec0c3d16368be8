package dev.feast.iceberg.catalog.rest;

import dev.feast.iceberg.offline.IcebergOfflineStoreConfig;
import dev.feast.iceberg.offline.IcebergOfflineStoreFactory;
import dev.feast.iceberg.offline.conformance.IcebergSourceDeletes;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.testservers.RestCatalogServer;
import dev.feast.iceberg.testsuite.Dataset;
import dev.feast.iceberg.testsuite.OfflineStoreConformance;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * The Iceberg offline store passes the offline conformance suite on the REST catalog (Iceberg's own
 * REST server on loopback). Lives here because catalog-rest already test-depends on the store; the
 * other way round would be a reactor cycle.
 */
class RestCatalogOfflineStoreConformanceTest extends OfflineStoreConformance {
  // The server is shared by every test class of this JVM: keep this suite's tables apart.
  private static final String NAMESPACE =
      "conformance_" + UUID.randomUUID().toString().replace("-", "");

  private TestPluginContext context;
  private CatalogConfig catalog;

  @Override
  protected OfflineStore createStore(Path directory) {
    context = closeAfterAll(TestPluginContext.of(directory, new RestCatalogProviderFactory()));
    catalog =
        new CatalogConfig("rest", "feast", Map.of("uri", RestCatalogServer.sharedLocal().uri()));
    return new IcebergOfflineStoreFactory().create(IcebergOfflineStoreConfig.of(catalog), context);
  }

  @Override
  protected OfflineStore createStoreWithoutPruning(Path directory) {
    return new IcebergOfflineStoreFactory()
        .create(IcebergOfflineStoreConfig.of(catalog).withPruning(false), context);
  }

  @Override
  protected void commitDelete(FeatureView view, DeleteKind kind, String column, Object value) {
    IcebergSourceDeletes.delete(context.catalog(catalog).catalog(), view, kind, column, value);
  }

  @Override
  protected Dataset.SourceFactory sourceFactory() {
    return Dataset.SourceFactory.iceberg(NAMESPACE);
  }
}
