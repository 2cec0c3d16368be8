package dev.feast.iceberg.catalog.glue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.testservers.GlueSimulator;
import dev.feast.iceberg.testsuite.catalog.StoresEndToEndConformance;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** C3: both stores end to end on the Glue catalog (simulated Glue, S3 on s3proxy). */
class SimulatedGlueStoresEndToEndTest extends StoresEndToEndConformance {
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
  protected Map<String, String> catalogSection(Path dir) {
    Map<String, String> catalog = new HashMap<>(SimulatedGlue.catalogProperties());
    catalog.put("type", "glue");
    return catalog;
  }
}
