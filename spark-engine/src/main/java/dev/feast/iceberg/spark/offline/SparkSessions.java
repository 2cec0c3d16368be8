package dev.feast.iceberg.spark.offline;

import dev.feast.iceberg.catalog.common.Endpoints;
import dev.feast.iceberg.spi.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.internal.SQLConf;

/** Creates the session a store owns when the host application gives none. */
final class SparkSessions {
  static final String DEFAULT_MASTER = "local[*]";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private SparkSessions() {}

  /**
   * The session a store runs on, and whether the store started it (and so stops it on close).
   *
   * @param session the store's session
   * @param owned whether the store started the session's context
   */
  record Owned(SparkSession session, boolean owned) {}

  /**
   * A session from {@code spark_conf}: naive timestamps are UTC as in every other store, and the
   * Spark UI stays off unless asked for (a store is a library, not a service). When a session
   * already runs in this JVM (Spark allows one context per JVM: the host application's, another
   * store's, a materialization engine's), the store gets a session of its own on that context, with
   * its own SQL settings and catalogs, and leaves the context running on close.
   */
  static Owned create(Map<String, String> sparkConf) {
    SparkConf conf =
        new SparkConf(false)
            .setAppName("feast-spark-offline-store")
            .set("spark.master", DEFAULT_MASTER)
            .set("spark.sql.session.timeZone", "UTC")
            .set("spark.ui.enabled", "false");
    sparkConf.forEach(conf::set);
    String master = conf.get("spark.master");
    requireReachable(master);
    scala.Option<SparkSession> running = SparkSession.getDefaultSession();
    if (running.isDefined() && !running.get().sparkContext().isStopped()) {
      return new Owned(sessionOn(running.get(), conf, sparkConf.get("spark.master")), false);
    }
    try {
      return new Owned(SparkSession.builder().config(conf).getOrCreate(), true);
    } catch (RuntimeException e) {
      throw new ConfigException(
          "Could not start Spark with spark.master '"
              + master
              + "': "
              + e.getMessage()
              + "; check offline_store.spark_conf",
          e);
    }
  }

  /**
   * A new session on the running context: the SQL settings of {@code conf} apply to it alone (a
   * session caches the catalogs it loaded by name, so two stores must not share one).
   */
  private static SparkSession sessionOn(SparkSession running, SparkConf conf, String master) {
    String actual = running.sparkContext().master();
    if (master != null && !actual.equals(master)) {
      throw new ConfigException(
          "A Spark session with master '"
              + actual
              + "' already runs in this JVM, so"
              + " offline_store.spark_conf's spark.master '"
              + master
              + "' cannot apply; use"
              + " SparkOfflineStore.on(session, ...) to share that session, or stop it first");
    }
    SparkSession session = running.newSession();
    // Context settings (the master, executors, the UI) are the running context's; SQL ones apply.
    for (scala.Tuple2<String, String> setting : conf.getAll()) {
      String key = setting._1();
      if (key.startsWith("spark.sql.") && !SQLConf.isStaticConfigKey(key)) {
        session.conf().set(key, setting._2());
      }
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
