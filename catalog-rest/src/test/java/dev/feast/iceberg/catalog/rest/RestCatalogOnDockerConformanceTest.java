package dev.feast.iceberg.catalog.rest;

import dev.feast.iceberg.spi.catalog.CatalogProviderFactory;
import dev.feast.iceberg.testsuite.containers.RestCatalogContainerConformance;

/**
 * The catalog contract against Apache Iceberg's REST fixture and MinIO in Docker: the path a kit
 * user with Docker takes. Skipped with the reason where Docker is absent (every machine of this
 * project); the in-process servers of {@code RestS3CatalogConformanceTest} cover the same cases.
 */
class RestCatalogOnDockerConformanceTest extends RestCatalogContainerConformance {
  @Override
  protected CatalogProviderFactory factory() {
    return new RestCatalogProviderFactory();
  }
}
