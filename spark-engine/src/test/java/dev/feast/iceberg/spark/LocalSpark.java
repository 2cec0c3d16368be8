package dev.feast.iceberg.spark;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code local[2]} Spark context of the module's unit tests: started once per test JVM and
 * shared by every test class (surefire runs them in one fork), never stopped by a test (Spark's
 * shutdown hook stops it with the JVM). Stores made from {@code spark_conf} get a session of their
 * own on it, with their own catalogs; the engines use it as they find it.
 *
 * <p>The test data is tiny, so few shuffle partitions, no generated code or re-planned stages
 * (AQE): compiling and re-planning would cost more than they save; and no task waits for a
 * preferred executor (Spark's locality wait, 3 s by default).
 */
public final class LocalSpark {
  private LocalSpark() {}

  /** The settings of the shared context, as a store's {@code spark_conf}. */
  public static Map<String, String> conf() {
    Map<String, String> conf = new HashMap<>(forTinyData());
    conf.put("spark.master", "local[2]");
    conf.put("spark.app.name", "feast-spark-tests");
    return Map.copyOf(conf);
  }

  /** The settings for the tests' tiny data, on any master (the test cluster's too). */
  public static Map<String, String> forTinyData() {
    return Map.ofEntries(
        Map.entry("spark.sql.shuffle.partitions", "2"),
        Map.entry("spark.default.parallelism", "2"),
        Map.entry("spark.ui.enabled", "false"),
        Map.entry("spark.sql.session.timeZone", "UTC"),
        Map.entry("spark.sql.codegen.wholeStage", "false"),
        Map.entry("spark.sql.codegen.factoryMode", "NO_CODEGEN"),
        Map.entry("spark.sql.adaptive.enabled", "false"),
        Map.entry("spark.locality.wait", "0"),
        Map.entry("spark.driver.host", "127.0.0.1"),
        Map.entry("spark.driver.bindAddress", "127.0.0.1"));
  }

  /** The shared session, started on first use. */
  public static synchronized SparkSession session() {
    SparkSession.Builder builder = SparkSession.builder();
    conf().forEach(builder::config);
    return builder.getOrCreate();
  }
}
