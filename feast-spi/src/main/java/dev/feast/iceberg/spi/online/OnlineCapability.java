package dev.feast.iceberg.spi.online;

import dev.feast.iceberg.spi.annotation.Stable;

/** Optional behaviours of an online store, read by the conformance suite. */
@Stable
public enum OnlineCapability {
  /** Reports values older than the view's ttl as {@link FeatureStatus#OUTSIDE_MAX_AGE}. */
  TTL,
  /** Offers {@link OnlineStore#maintain}. */
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
