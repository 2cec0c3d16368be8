package dev.feast.iceberg.catalog.glue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogProviderFactory;
import dev.feast.iceberg.testservers.GlueSimulator;
import dev.feast.iceberg.testsuite.catalog.CatalogProviderConformance;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The catalog contract on Iceberg's GlueCatalog and the real AWS SDK Glue client, against the Glue
 * simulator (no Glue server can run outside AWS); tables live in s3proxy.
 */
class SimulatedGlueCatalogConformanceTest extends CatalogProviderConformance {
  @BeforeAll
  static void credentials() {
    SimulatedGlue.installCredentials();
  }

  @AfterAll
  static void theSimulatorKnewEveryOperation() {
    SimulatedGlue.removeCredentials();
    assertThat(GlueSimulator.shared().unknownOperations()).isEmpty();
  }

  @Override
  protected CatalogProviderFactory factory() {
    return new GlueCatalogProviderFactory();
  }

  @Override
  protected CatalogConfig config() {
    return new CatalogConfig("glue", "feast", SimulatedGlue.catalogProperties());
  }

  @Override
  protected CatalogConfig unreachableConfig() {
    Map<String, String> properties = new java.util.HashMap<>(SimulatedGlue.catalogProperties());
    properties.put("glue.endpoint", "http://127.0.0.1:" + SimulatedGlue.CLOSED_PORT);
    return new CatalogConfig("glue", "feast", properties);
  }

  @Override
  protected String unreachableEndpoint() {
    return "127.0.0.1:" + SimulatedGlue.CLOSED_PORT;
  }
}
