package dev.feast.iceberg.spi.offline;

import dev.feast.iceberg.spi.annotation.Stable;

/** Optional behaviours of an offline store, read by the conformance suite. */
@Stable
public enum OfflineCapability {
  /** Honours {@link HistoricalRequest#filterByCreatedTimestamp()}. */
  FILTER_BY_CREATED_TIMESTAMP,
  /** Reads entity rows from Parquet and CSV files. */
  ENTITY_FILES,
  /** Reads entity rows from an Iceberg table. */
  ENTITY_TABLE,
  /** Writes results to Parquet files. */
  PARQUET_OUTPUT,
  /** Persists results as Iceberg tables. */
  PERSIST,
  /** Shows the SQL it runs. */
  SQL,
  /** Honours position and equality deletes in source tables. */
  DELETES,
  /**
   * Offers {@link OfflineStore#getHistoricalFeaturesBetween}: retrieval over a date range without
   * entity rows.
   */
  DATE_RANGE_RETRIEVAL
}
