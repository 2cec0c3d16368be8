package dev.feast.iceberg.spark.materialize;

import dev.feast.iceberg.spark.offline.ProjectSparkCatalog;
import dev.feast.iceberg.spi.ConfigException;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.spark.SparkCatalog;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * Iceberg's {@code SparkCatalog} over the catalog the offline store's {@code catalog:} section
 * opened, so Spark reads exactly the source tables (and snapshots) the other stores see, through
 * the same connection settings. Used on the driver only: executors get each table's FileIO with the
 * scan. Registered like the offline store's {@link ProjectSparkCatalog}; only its message differs.
 */
public final class EngineCatalog extends SparkCatalog {
  /** Makes {@code catalog} Spark's catalog {@code name} in this session; returns its handle. */
  static String register(SparkSession session, String name, Catalog catalog) {
    return ProjectSparkCatalog.register(session, name, catalog, EngineCatalog.class);
  }

  static void unregister(String handle) {
    ProjectSparkCatalog.unregister(handle);
  }

  @Override
  protected Catalog buildIcebergCatalog(String name, CaseInsensitiveStringMap options) {
    return ProjectSparkCatalog.registered(options)
        .orElseThrow(
            () ->
                new ConfigException(
                    "Spark catalog '"
                        + name
                        + "' belongs to a Spark materialization engine that is closed;"
                        + " open the feature store again"));
  }
}
