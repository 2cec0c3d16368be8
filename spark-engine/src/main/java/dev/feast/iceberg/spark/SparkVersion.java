package dev.feast.iceberg.spark;

/** The Spark version on the class path, named in error messages and the benchmark's header. */
public final class SparkVersion {
  private SparkVersion() {}

  public static String current() {
    return org.apache.spark.package$.MODULE$.SPARK_VERSION();
  }
}
