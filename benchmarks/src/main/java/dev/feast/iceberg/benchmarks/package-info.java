/**
 * Benchmark mains. Each prints its figures next to an anchor measured in the same run (Redis for
 * the online store, bare DuckDB SQL for the offline store), as ratios.
 */
package dev.feast.iceberg.benchmarks;
