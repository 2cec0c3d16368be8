package dev.feast.iceberg.spark.materialize;

import java.util.Map;
import java.util.Objects;

/**
 * The {@code batch_engine:} section for {@code type: spark}, as Feast's Spark engine takes it.
 *
 * <pre>
 * batch_engine:
 *   type: spark
 *   spark_conf:
 *     spark.master: "local[*]"           # or spark://host:7077, yarn, k8s://...
 *     spark.sql.shuffle.partitions: "64"
 * </pre>
 *
 * @param sparkConf Spark settings of the session the engine starts ({@code spark.master} default
 *     {@code local[*]}); a session already running in this JVM (the Spark offline store's, a host
 *     application's) is used as it is
 */
public record SparkEngineConfig(Map<String, String> sparkConf) {
  public SparkEngineConfig {
    sparkConf = Map.copyOf(Objects.requireNonNullElse(sparkConf, Map.of()));
  }
}
