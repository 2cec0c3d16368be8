package dev.feast.iceberg.catalog.rest;

import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogProviderFactory;
import dev.feast.iceberg.testservers.RestCatalogServer;
import dev.feast.iceberg.testsuite.catalog.CatalogProviderConformance;
import java.util.Map;

/** The catalog contract on Iceberg's REST catalog server with a local warehouse. */
class RestLocalCatalogConformanceTest extends CatalogProviderConformance {
  @Override
  protected CatalogProviderFactory factory() {
    return new RestCatalogProviderFactory();
  }

  @Override
  protected CatalogConfig config() {
    return new CatalogConfig(
        "rest",
        "feast",
        Map.of("uri", RestCatalogServer.sharedLocal().uri(), "token", "feast-rest-token-31c7"));
  }

  @Override
  protected CatalogConfig unreachableConfig() {
    return new CatalogConfig(
        "rest",
        "feast",
        Map.of("uri", "http://127.0.0.1:" + ClosedPort.PORT, "token", "feast-rest-token-31c7"));
  }

  @Override
  protected String unreachableEndpoint() {
    return "127.0.0.1:" + ClosedPort.PORT;
  }
}
