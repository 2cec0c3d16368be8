package dev.feast.iceberg.spark.offline;

import dev.feast.iceberg.spi.ConfigException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.spark.SparkCatalog;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * Iceberg's {@code SparkCatalog} over the catalog the project's {@code catalog:} section opened
 * (JDBC, REST, Hive, Glue, with S3/R2 storage), so Spark reads and commits exactly the tables the
 * other stores do, through the same connection settings, with no second translation of them. The
 * catalog is only used on the driver: executors get each table's FileIO serialized with the scan.
 */
public final class ProjectSparkCatalog extends SparkCatalog {
  /** The Spark catalog option naming the registered catalog. */
  private static final String HANDLE = "feast-handle";

  private static final Map<String, Catalog> REGISTERED = new ConcurrentHashMap<>();

  /** Makes {@code catalog} Spark's catalog {@code name} in this session; returns its handle. */
  static String register(SparkSession session, String name, Catalog catalog) {
    return register(session, name, catalog, ProjectSparkCatalog.class);
  }

  /**
   * Makes {@code catalog} Spark's catalog {@code name} in this session, served by {@code servedBy}
   * (a {@code SparkCatalog} that finds it with {@link #registered}); returns the handle to {@link
   * #unregister} it with. Spark's own cache is off: other writers (the in-process stores, the CLI,
   * other materializations) commit to the same tables, and each job must read their latest
   * snapshots.
   */
  public static String register(
      SparkSession session, String name, Catalog catalog, Class<? extends SparkCatalog> servedBy) {
    String handle = UUID.randomUUID().toString();
    REGISTERED.put(handle, catalog);
    String prefix = "spark.sql.catalog." + name;
    session.conf().set(prefix, servedBy.getName());
    session.conf().set(prefix + "." + HANDLE, handle);
    session.conf().set(prefix + ".cache-enabled", "false");
    session.conf().set(prefix + ".default-namespace", "default");
    return handle;
  }

  /** Forgets a registered catalog; Spark catalogs built from it afterwards fail. */
  public static void unregister(String handle) {
    REGISTERED.remove(handle);
  }

  /** The catalog a Spark catalog's options name, unless it was unregistered (or never was). */
  public static Optional<Catalog> registered(CaseInsensitiveStringMap options) {
    return Optional.ofNullable(REGISTERED.get(options.getOrDefault(HANDLE, "")));
  }

  @Override
  protected Catalog buildIcebergCatalog(String name, CaseInsensitiveStringMap options) {
    return registered(options)
        .orElseThrow(
            () ->
                new ConfigException(
                    "Spark catalog '"
                        + name
                        + "' is a "
                        + getClass().getSimpleName()
                        + " but no store"
                        + " registered a catalog for it in this JVM; create the Spark offline store"
                        + " first, or configure spark.sql.catalog."
                        + name
                        + " as org.apache.iceberg.spark.SparkCatalog"));
  }
}
