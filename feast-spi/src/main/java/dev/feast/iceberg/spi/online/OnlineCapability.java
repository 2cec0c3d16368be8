package dev.feast.iceberg.spi.online;

import dev.feast.iceberg.spi.annotation.Stable;

/**
 * Optional behaviours of an online store. The runtime refuses up front what a store leaves
 * undeclared and would otherwise fail midway ({@link #MAINTENANCE}); the conformance suite runs the
 * case of every declared capability and checks the refusal of every undeclared one that has one
 * ({@code test-suite/CONTRACT.md}). {@link #ATOMIC_BULK_WRITE} implies nothing else; {@link
 * #COLUMNAR_WRITE} keeps the atomicity {@code writeAll} has.
 */
@Stable
public enum OnlineCapability {
  /**
   * Reports values older than the view's ttl as {@link FeatureStatus#OUTSIDE_MAX_AGE}. Without it
   * values are served whatever their age (nothing to refuse).
   */
  TTL,
  /** Offers {@link OnlineStore#maintain}; without it {@code maintain} is refused. */
  MAINTENANCE,
  /** Several writers, and maintenance, may run at once without losing an update. */
  CONCURRENT_WRITERS,
  /**
   * {@link OnlineStore#writeAll} is all or nothing: every batch becomes visible at once at the end,
   * none when it fails midway.
   */
  ATOMIC_BULK_WRITE,
  /**
   * {@link OnlineStore#writeBatches} encodes column batches directly, without turning them into
   * {@link OnlineRow}s first: materialization then hands the offline store's batches over.
   */
  COLUMNAR_WRITE
}
