package dev.feast.iceberg.spark.offline;

import dev.feast.iceberg.spi.ConfigException;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Creates the session a store owns when the host application gives none. */
final class SparkSessions {
  static final String DEFAULT_MASTER = "local[*]";

  private SparkSessions() {}

  /**
   * A session from {@code spark_conf}: naive timestamps are UTC as in every other store, and the
   * Spark UI stays off unless asked for (a store is a library, not a service).
   */
  static SparkSession create(Map<String, String> sparkConf) {
    SparkConf conf = new SparkConf(false)
        .setAppName("feast-spark-offline-store")
        .set("spark.master", DEFAULT_MASTER)
        .set("spark.sql.session.timeZone", "UTC")
        .set("spark.ui.enabled", "false")
        .set("spark.sql.sources.partitionOverwriteMode", "dynamic");
    sparkConf.forEach(conf::set);
    try {
      return SparkSession.builder().config(conf).getOrCreate();
    } catch (RuntimeException e) {
      throw new ConfigException(
          "Could not start Spark with spark.master '" + conf.get("spark.master") + "': "
              + e.getMessage() + "; check offline_store.spark_conf (is the master reachable?)", e);
    }
  }
}
