package dev.feast.iceberg.spark.materialize;

import dev.feast.iceberg.spi.ConfigException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.spark.SparkCatalog;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * Iceberg's {@code SparkCatalog} over the catalog the offline store's {@code catalog:} section
 * opened, so Spark reads exactly the source tables (and snapshots) the other stores see, through
 * the same connection settings. Used on the driver only: executors get each table's FileIO with the
 * scan.
 */
public final class EngineCatalog extends SparkCatalog {
  private static final String HANDLE = "feast-engine-handle";
  private static final Map<String, Catalog> REGISTERED = new ConcurrentHashMap<>();

  /** Makes {@code catalog} Spark's catalog {@code name} in this session; returns its handle. */
  static String register(SparkSession session, String name, Catalog catalog) {
    String handle = UUID.randomUUID().toString();
    REGISTERED.put(handle, catalog);
    String prefix = "spark.sql.catalog." + name;
    session.conf().set(prefix, EngineCatalog.class.getName());
    session.conf().set(prefix + "." + HANDLE, handle);
    // Other writers commit to the same tables: every materialization reads the latest snapshot.
    session.conf().set(prefix + ".cache-enabled", "false");
    return handle;
  }

  static void unregister(String handle) {
    REGISTERED.remove(handle);
  }

  @Override
  protected Catalog buildIcebergCatalog(String name, CaseInsensitiveStringMap options) {
    Catalog catalog = REGISTERED.get(options.getOrDefault(HANDLE, ""));
    if (catalog == null) {
      throw new ConfigException(
          "Spark catalog '"
              + name
              + "' belongs to a Spark materialization engine that is closed;"
              + " open the feature store again");
    }
    return catalog;
  }
}
