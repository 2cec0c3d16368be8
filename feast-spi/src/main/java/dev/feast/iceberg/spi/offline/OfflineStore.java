package dev.feast.iceberg.spi.offline;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.UnsupportedFeatureException;
import dev.feast.iceberg.spi.annotation.Stable;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Historical feature data: point-in-time retrieval for training, the reads materialization makes,
 * and appends to sources.
 */
@Stable
public interface OfflineStore extends AutoCloseable {
  /** The event timestamp column of {@link #pullLatest} and {@link #pullAll} results. */
  String EVENT_TIMESTAMP = "event_timestamp";

  /** The created timestamp column of {@link #pullLatest} and {@link #pullAll} results. */
  String CREATED_TIMESTAMP = "created_timestamp";

  /** A point-in-time retrieval over one or more feature views. */
  RetrievalJob getHistoricalFeatures(HistoricalRequest request);

  /**
   * The latest row per entity key with event timestamp in {@code [start, end]} (greatest event
   * timestamp, then greatest created timestamp). Columns: the join keys, the features, {@link
   * #EVENT_TIMESTAMP} and, when the source has one, {@link #CREATED_TIMESTAMP}.
   */
  RetrievalJob pullLatest(FeatureView view, Instant start, Instant end);

  /** Every row with event timestamp in {@code [start, end]}; columns as {@link #pullLatest}. */
  RetrievalJob pullAll(FeatureView view, Instant start, Instant end);

  /**
   * Appends rows to the view's source in one atomic commit. Columns are named as in the source
   * (before field mapping) and typed as the view declares them; names and types are checked against
   * the source table, which is created from the rows' columns when it does not exist yet. Every row
   * must hold the view's join keys, event timestamp and created timestamp (when the source has one)
   * ({@link dev.feast.iceberg.spi.SourceColumn#required()}). A batch with any bad row is rejected
   * before anything is written, naming the row index (from 0), column and value.
   */
  void writeBatch(FeatureView view, RowSet rows);

  /** As {@link #writeBatch(FeatureView, RowSet)}, telling a listener how the write advances. */
  default void writeBatch(FeatureView view, RowSet rows, WriteListener listener) {
    writeBatch(view, rows);
  }

  /**
   * Retrieval without entity rows, over a date range (Feast's {@code get_historical_features} with
   * no entity dataframe, {@code start_date} and {@code end_date}). The entity rows are implied: one
   * per distinct join key combination that has a source row of any of the views with event
   * timestamp in {@code [start, end]}, each at timestamp {@code end}; every view is then joined
   * with the point-in-time rules, ttl included. All views must have the same join keys (an
   * entity-less view has none). Columns: the join keys, {@code event_timestamp}, the features.
   * Declared by {@link OfflineCapability#DATE_RANGE_RETRIEVAL}; stores without it throw {@link
   * UnsupportedFeatureException}.
   */
  default RetrievalJob getHistoricalFeaturesBetween(
      List<ViewSelection> views, Instant start, Instant end, boolean fullFeatureNames) {
    throw new UnsupportedFeatureException(
        type(),
        "historical retrieval over a date range without entity rows",
        OfflineCapability.DATE_RANGE_RETRIEVAL);
  }

  /**
   * The optional behaviours this store offers; none by default. The runtime refuses what is not
   * declared before it starts, so declare exactly what the store honours: the conformance suite
   * checks both directions.
   */
  default Set<OfflineCapability> capabilities() {
    return Set.of();
  }

  /**
   * The store's plugin {@code type} (its factory's {@link
   * dev.feast.iceberg.spi.StoreFactory#type}), named by refusals ({@link
   * UnsupportedFeatureException}). The default is the class name, which means nothing to a user:
   * override it (the conformance suite checks that refusals name the type).
   */
  default String type() {
    return getClass().getSimpleName();
  }

  @Override
  void close();
}
