package dev.feast.iceberg.spark.materialize;

import com.google.auto.service.AutoService;
import dev.feast.iceberg.online.IcebergOnlineStoreConfig;
import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.FeastPlugin;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.SpiVersion;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.materialize.MaterializationEngine;
import dev.feast.iceberg.spi.materialize.MaterializationEngineFactory;
import dev.feast.iceberg.spi.materialize.MaterializationStores;
import java.lang.reflect.RecordComponent;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * {@code batch_engine: {type: spark, spark_conf: {...}}}: materialization computed by Spark and
 * written by its executors into the Iceberg online store's tables. It reads the sources through the
 * offline store's {@code catalog:} (the {@code iceberg} or {@code spark} offline store) and writes
 * the tables of {@code online_store: {type: iceberg}}.
 */
@FeastPlugin(spiVersion = SpiVersion.CURRENT)
@AutoService(MaterializationEngineFactory.class)
public final class SparkMaterializationEngineFactory
    implements MaterializationEngineFactory<SparkEngineConfig> {

  @Override
  public String type() {
    return "spark";
  }

  @Override
  public Class<SparkEngineConfig> configClass() {
    return SparkEngineConfig.class;
  }

  @Override
  public MaterializationEngine create(
      SparkEngineConfig config, PluginContext context, MaterializationStores stores) {
    if (!(stores.onlineConfig() instanceof IcebergOnlineStoreConfig online)) {
      throw new ConfigException(
          "batch_engine type 'spark' writes the tables of online_store type 'iceberg'; this"
              + " online store is "
              + stores.online().getClass().getSimpleName()
              + "; use batch_engine type 'local' with it");
    }
    CatalogConfig offlineCatalog = catalogOf(stores.offlineConfig());
    if (offlineCatalog == null) {
      throw new ConfigException(
          "batch_engine type 'spark' reads Iceberg sources through the offline store's catalog:"
              + " section; this offline store ("
              + stores.offline().getClass().getSimpleName()
              + ") has none; use offline_store type 'iceberg' or 'spark', or batch_engine 'local'");
    }
    boolean running = SparkSession.getDefaultSession().isDefined();
    SparkSession spark = session(config);
    return new SparkMaterializationEngine(
        spark,
        !running,
        context.catalog(offlineCatalog).catalog(),
        context.catalog(online.catalog()).catalog(),
        online.namespace(),
        context.project());
  }

  /** The {@code catalog} component of a store's configuration record, or null. */
  static CatalogConfig catalogOf(Object storeConfig) {
    if (storeConfig == null || !storeConfig.getClass().isRecord()) {
      return null;
    }
    for (RecordComponent component : storeConfig.getClass().getRecordComponents()) {
      if (component.getType() == CatalogConfig.class && component.getName().equals("catalog")) {
        try {
          return (CatalogConfig) component.getAccessor().invoke(storeConfig);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(
              "Cannot read the catalog of " + storeConfig.getClass(), e);
        }
      }
    }
    return null;
  }

  /**
   * The session: the one running in this JVM (a host application's, the Spark offline store's),
   * else one from {@code spark_conf}, timestamps in UTC and no UI (an engine is a library).
   */
  private static SparkSession session(SparkEngineConfig config) {
    SparkConf conf =
        new SparkConf(false)
            .setAppName("feast-spark-materialization")
            .set("spark.master", "local[*]")
            .set("spark.sql.session.timeZone", "UTC")
            .set("spark.ui.enabled", "false");
    config.sparkConf().forEach(conf::set);
    SparkSession session;
    try {
      session = SparkSession.builder().config(conf).getOrCreate();
    } catch (RuntimeException e) {
      throw new ConfigException(
          "Could not start Spark with spark.master '"
              + conf.get("spark.master")
              + "': "
              + e.getMessage()
              + "; check batch_engine.spark_conf (is the master reachable?)",
          e);
    }
    String wanted = config.sparkConf().get("spark.master");
    String running = session.sparkContext().master();
    if (wanted != null && !wanted.equals(running)) {
      // Spark allows one context per JVM and getOrCreate silently returns it.
      throw new ConfigException(
          "A Spark session with master '"
              + running
              + "' already runs in this JVM (the Spark"
              + " offline store's or the application's), so batch_engine.spark_conf's spark.master '"
              + wanted
              + "' cannot apply; remove it to use that session, or give both the same");
    }
    return session;
  }
}
