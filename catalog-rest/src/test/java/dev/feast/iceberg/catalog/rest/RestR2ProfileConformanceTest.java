package dev.feast.iceberg.catalog.rest;

import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogProviderFactory;
import dev.feast.iceberg.testservers.RestCatalogServer;
import dev.feast.iceberg.testservers.S3Server;
import dev.feast.iceberg.testsuite.catalog.CatalogProviderConformance;
import java.util.Map;

/**
 * The catalog contract with the {@code storage: r2} profile, as an R2 Data Catalog user writes it
 * (REST with a bearer token, R2 storage with checksums when required), except that the endpoint
 * points at s3proxy on 127.0.0.1 instead of {@code <account>.r2.cloudflarestorage.com}.
 */
class RestR2ProfileConformanceTest extends CatalogProviderConformance {
  @Override
  protected CatalogProviderFactory factory() {
    return new RestCatalogProviderFactory();
  }

  @Override
  protected CatalogConfig config() {
    return new CatalogConfig(
        "rest",
        "feast",
        Map.of(
            "uri",
            RestCatalogServer.sharedS3().uri(),
            "token",
            "feast-r2-api-token-8e0b",
            "storage",
            "r2",
            "s3.endpoint",
            S3Server.shared().endpoint().toString(),
            "s3.access-key-id",
            S3Server.ACCESS_KEY,
            "s3.secret-access-key",
            S3Server.SECRET_KEY));
  }

  @Override
  protected CatalogConfig unreachableConfig() {
    return new CatalogConfig(
        "rest",
        "feast",
        Map.of(
            "uri", "http://127.0.0.1:" + ClosedPort.PORT,
            "token", "feast-r2-api-token-8e0b",
            "storage", "r2",
            "r2.account-id", "0123456789abcdef"));
  }

  @Override
  protected String unreachableEndpoint() {
    return "127.0.0.1:" + ClosedPort.PORT;
  }
}
