package dev.feast.iceberg.catalog.hive;

import dev.feast.iceberg.testservers.HiveMetastoreServer;
import dev.feast.iceberg.testservers.StoresEndToEnd;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** C3: both stores end to end on the Hive catalog. */
class HiveStoresEndToEndTest {
  @TempDir Path dir;

  @Test
  void c3OnHive() {
    Map<String, String> catalog =
        new HashMap<>(HiveCatalogConformanceTest.properties(HiveMetastoreServer.shared().uri()));
    catalog.put("type", "hive");
    StoresEndToEnd.check(dir, catalog);
  }
}
