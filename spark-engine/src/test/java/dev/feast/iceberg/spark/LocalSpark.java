package dev.feast.iceberg.spark.offline;

import java.util.Map;

/**
 * Spark settings of the tests: two local threads, few shuffle partitions, no UI. The test data is
 * tiny, so compiling generated code and re-planning stages (AQE) would cost more than they save.
 */
final class TestSpark {
  private TestSpark() {}

  static Map<String, String> localConf() {
    return Map.of(
        "spark.master", "local[2]",
        "spark.sql.shuffle.partitions", "2",
        "spark.default.parallelism", "2",
        "spark.ui.enabled", "false",
        "spark.sql.codegen.wholeStage", "false",
        "spark.sql.codegen.factoryMode", "NO_CODEGEN",
        "spark.sql.adaptive.enabled", "false",
        "spark.driver.host", "127.0.0.1",
        "spark.driver.bindAddress", "127.0.0.1");
  }
}
