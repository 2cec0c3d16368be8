package dev.feast.iceberg.testsuite.containers;

import dev.feast.iceberg.spi.annotation.Experimental;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.testsuite.catalog.CatalogProviderConformance;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The catalog contract against a real Iceberg REST server and S3 server in Docker: extend it and
 * supply {@link #factory()} (a catalog plugin that speaks the REST protocol). Without Docker every
 * test shows as skipped ("disabledWithoutDocker is true and Docker is not available"). The
 * containers start once per test class.
 */
@Experimental
@Testcontainers(disabledWithoutDocker = true)
public abstract class RestCatalogContainerConformance extends CatalogProviderConformance {
  @Container protected static final S3Container S3 = new S3Container();

  @Container protected static final IcebergRestContainer REST = new IcebergRestContainer(S3);

  /** The {@code type} of the catalog under test; {@code rest} unless overridden. */
  protected String catalogType() {
    return "rest";
  }

  @Override
  protected CatalogConfig config() {
    return new CatalogConfig(catalogType(), "feast", REST.catalogProperties());
  }
}
