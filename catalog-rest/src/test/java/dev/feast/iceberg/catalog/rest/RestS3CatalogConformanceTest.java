package dev.feast.iceberg.catalog.rest;

import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogProviderFactory;
import dev.feast.iceberg.testservers.RestCatalogServer;
import dev.feast.iceberg.testservers.S3Server;
import dev.feast.iceberg.testsuite.catalog.CatalogProviderConformance;
import java.util.HashMap;
import java.util.Map;

/**
 * The catalog contract on Iceberg's REST catalog server whose warehouse is an S3 bucket (s3proxy on
 * 127.0.0.1); the client writes metadata and data through S3FileIO.
 */
class RestS3CatalogConformanceTest extends CatalogProviderConformance {
  @Override
  protected CatalogProviderFactory factory() {
    return new RestCatalogProviderFactory();
  }

  @Override
  protected CatalogConfig config() {
    Map<String, String> properties = new HashMap<>(S3Server.shared().fileIoProperties());
    properties.put("uri", RestCatalogServer.sharedS3().uri());
    return new CatalogConfig("rest", "feast", properties);
  }

  @Override
  protected CatalogConfig unreachableConfig() {
    Map<String, String> properties = new HashMap<>(S3Server.shared().fileIoProperties());
    properties.put("uri", "http://127.0.0.1:" + ClosedPort.PORT);
    return new CatalogConfig("rest", "feast", properties);
  }

  @Override
  protected String unreachableEndpoint() {
    return "127.0.0.1:" + ClosedPort.PORT;
  }
}
