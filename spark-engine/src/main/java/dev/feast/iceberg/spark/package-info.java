/**
 * Feast on Apache Spark: the offline store ({@code offline}) and, later, engines that run on the
 * same session. Spark reads and writes the same Iceberg tables as the in-process stores.
 */
package dev.feast.iceberg.spark;
