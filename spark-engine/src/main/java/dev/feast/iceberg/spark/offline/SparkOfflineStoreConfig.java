package dev.feast.iceberg.spark.offline;

import dev.feast.iceberg.spi.catalog.CatalogConfig;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code offline_store:} section for {@code type: spark}, as Feast's Spark store takes it.
 *
 * <pre>
 * offline_store:
 *   type: spark
 *   catalog:            # the keys besides type and name are Iceberg catalog properties
 *     type: jdbc
 *     name: feast
 *     uri: jdbc:sqlite:data/catalog.db
 *     warehouse: data/warehouse
 *   spark_conf:
 *     spark.master: "local[*]"
 *     spark.sql.shuffle.partitions: "64"
 * </pre>
 *
 * @param catalog the Iceberg catalog holding the sources, the same section the Iceberg stores take;
 *     Spark sees it as catalog {@code <name>} (default {@code feast})
 * @param sparkConf Spark settings for the session the store creates ({@code spark.master} default
 *     {@code local[*]}); ignored when the host application hands the store its own session
 * @param pruning read only the feature rows whose event time can matter ({@code [min(t) - ttl,
 *     max(t)]} of the entity rows); default true (turning it off never changes an answer)
 */
public record SparkOfflineStoreConfig(
    CatalogConfig catalog, Map<String, String> sparkConf, Boolean pruning) {
  /** The catalog used when the section names none: the embedded JDBC catalog. */
  public static final CatalogConfig DEFAULT_CATALOG = new CatalogConfig("jdbc", "feast", Map.of());

  public SparkOfflineStoreConfig {
    catalog = Objects.requireNonNullElse(catalog, DEFAULT_CATALOG);
    sparkConf = Map.copyOf(Objects.requireNonNullElse(sparkConf, Map.of()));
    pruning = Objects.requireNonNullElse(pruning, Boolean.TRUE);
  }

  /** A configuration with this catalog and Spark settings. */
  public static SparkOfflineStoreConfig of(CatalogConfig catalog, Map<String, String> sparkConf) {
    return new SparkOfflineStoreConfig(catalog, sparkConf, null);
  }

  /** The same configuration with pruning on or off. */
  public SparkOfflineStoreConfig withPruning(boolean value) {
    return new SparkOfflineStoreConfig(catalog, sparkConf, value);
  }
}
