package dev.feast.iceberg.spi.offline;

import dev.feast.iceberg.spi.annotation.Stable;

/**
 * Optional behaviours of an offline store. The runtime refuses up front what a store leaves
 * undeclared, naming its {@code type} and the capability; the conformance suite runs the case of
 * every declared capability and checks the refusal of every undeclared one ({@code
 * test-suite/CONTRACT.md}).
 */
@Stable
public enum OfflineCapability {
  /**
   * Honours {@link HistoricalRequest#filterByCreatedTimestamp()}; without it such a request is
   * refused.
   */
  FILTER_BY_CREATED_TIMESTAMP,
  /**
   * Reads entity rows from an Iceberg table ({@link EntitySource.IcebergTable}); without it such a
   * request is refused.
   */
  ENTITY_TABLE,
  /**
   * Persists results as Iceberg tables ({@link RetrievalJob#persist}); without it {@code persist}
   * is refused.
   */
  PERSIST,
  /**
   * Honours position and equality deletes in source tables. Nothing to refuse without it: a store
   * that does not declare it must not be used on sources with deletes (the runtime cannot tell
   * beforehand), and its conformance fixture need not offer {@code commitDelete}.
   */
  DELETES,
  /**
   * Offers {@link OfflineStore#getHistoricalFeaturesBetween}: retrieval over a date range without
   * entity rows.
   */
  DATE_RANGE_RETRIEVAL
}
