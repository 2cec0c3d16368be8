package dev.feast.iceberg.catalog.glue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.testservers.GlueSimulator;
import dev.feast.iceberg.testservers.StoresEndToEnd;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** C3: both stores end to end on the Glue catalog (simulated Glue, S3 on s3proxy). */
class SimulatedGlueStoresEndToEndTest {
  @TempDir Path dir;

  @BeforeAll
  static void credentials() {
    SimulatedGlue.installCredentials();
  }

  @AfterAll
  static void theSimulatorKnewEveryOperation() {
    SimulatedGlue.removeCredentials();
    assertThat(GlueSimulator.shared().unknownOperations()).isEmpty();
  }

  @Test
  void c3OnGlue() {
    Map<String, String> catalog = new HashMap<>(SimulatedGlue.catalogProperties());
    catalog.put("type", "glue");
    StoresEndToEnd.check(dir, catalog);
  }
}
