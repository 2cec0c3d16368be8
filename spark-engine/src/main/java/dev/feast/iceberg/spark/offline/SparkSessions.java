package dev.feast.iceberg.spark.offline;

import dev.feast.iceberg.catalog.common.Endpoints;
import dev.feast.iceberg.spi.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Creates the session a store owns when the host application gives none. */
final class SparkSessions {
  static final String DEFAULT_MASTER = "local[*]";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private SparkSessions() {}

  /**
   * A session from {@code spark_conf}: naive timestamps are UTC as in every other store, and the
   * Spark UI stays off unless asked for (a store is a library, not a service).
   */
  static SparkSession create(Map<String, String> sparkConf) {
    SparkConf conf =
        new SparkConf(false)
            .setAppName("feast-spark-offline-store")
            .set("spark.master", DEFAULT_MASTER)
            .set("spark.sql.session.timeZone", "UTC")
            .set("spark.ui.enabled", "false");
    sparkConf.forEach(conf::set);
    String master = conf.get("spark.master");
    requireReachable(master);
    SparkSession session;
    try {
      session = SparkSession.builder().config(conf).getOrCreate();
    } catch (RuntimeException e) {
      throw new ConfigException(
          "Could not start Spark with spark.master '"
              + master
              + "': "
              + e.getMessage()
              + "; check offline_store.spark_conf",
          e);
    }
    String running = session.sparkContext().master();
    if (!running.equals(master)) {
      // Spark allows one context per JVM and getOrCreate silently returns it.
      throw new ConfigException(
          "A Spark session with master '"
              + running
              + "' already runs in this JVM, so"
              + " offline_store.spark_conf's spark.master '"
              + master
              + "' cannot apply; use"
              + " SparkOfflineStore.on(session, ...) to share that session, or stop it first");
    }
    return session;
  }

  /** A standalone master that does not answer fails now, not after Spark's minute of retries. */
  private static void requireReachable(String master) {
    if (!master.startsWith("spark://")) {
      return;
    }
    for (String hostPort : master.substring("spark://".length()).split(",")) {
      URI uri = URI.create("spark://" + hostPort);
      int port = uri.getPort() == -1 ? 7077 : uri.getPort();
      Endpoints.requireReachable(
          "Spark master",
          uri.getHost(),
          port,
          CONNECT_TIMEOUT,
          "check offline_store.spark_conf's spark.master and that the master runs");
    }
  }
}
