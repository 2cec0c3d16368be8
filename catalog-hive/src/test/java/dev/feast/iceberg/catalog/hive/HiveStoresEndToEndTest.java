package dev.feast.iceberg.catalog.hive;

import dev.feast.iceberg.testservers.HiveMetastoreServer;
import dev.feast.iceberg.testsuite.catalog.StoresEndToEndConformance;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** C3: both stores end to end on the Hive catalog. */
class HiveStoresEndToEndTest extends StoresEndToEndConformance {
  @Override
  protected Map<String, String> catalogSection(Path dir) {
    Map<String, String> catalog =
        new HashMap<>(HiveCatalogConformanceTest.properties(HiveMetastoreServer.shared().uri()));
    catalog.put("type", "hive");
    return catalog;
  }
}
