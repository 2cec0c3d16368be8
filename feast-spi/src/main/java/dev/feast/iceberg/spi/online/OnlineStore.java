package dev.feast.iceberg.spi.online;

import dev.feast.iceberg.spi.ColumnBatch;
import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.UnsupportedFeatureException;
import dev.feast.iceberg.spi.annotation.Evolving;
import dev.feast.iceberg.spi.annotation.Stable;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** The latest feature values per entity, for serving. */
@Stable
public interface OnlineStore extends AutoCloseable {
  /**
   * Creates storage for the views to keep (existing storage is left as it is) and drops the storage
   * of the views to delete, without touching any other view's data.
   */
  void update(List<FeatureView> toKeep, List<FeatureView> toDelete);

  /**
   * Writes rows. Per key, the row with the greatest (event timestamp, created timestamp) wins
   * whatever order rows and batches arrive in; an older row never replaces a newer one.
   */
  void write(FeatureView view, List<OnlineRow> rows);

  /**
   * Writes batches of rows as one write, the way materialization hands over a view: per key the
   * greatest (event timestamp, created timestamp) wins, as for {@link #write}. A store that
   * declares {@link OnlineCapability#ATOMIC_BULK_WRITE} makes the rows visible all at once when the
   * iterator ends, and none of them when the iterator (or the store) throws first, so an
   * interrupted materialization leaves the previous values whole; it holds a bounded number of
   * batches in memory at a time. The default writes each batch as it comes ({@link #write}), so a
   * failure midway leaves the batches before it written.
   */
  default void writeAll(FeatureView view, Iterator<List<OnlineRow>> batches) {
    while (batches.hasNext()) {
      write(view, batches.next());
    }
  }

  /**
   * Writes column batches as one write, as {@link #writeAll} does with rows: the bulk entry point
   * of materialization. The batches' columns are named as a pull from the offline store names them
   * (the view's join keys, its features, {@code event_timestamp}, optionally {@code
   * created_timestamp}; see {@link BatchColumns}); a feature the batches lack is written as null
   * and rows with a null join key are left out. A store that declares {@link
   * OnlineCapability#COLUMNAR_WRITE} encodes the values without an object per value; the default
   * turns each batch into {@link OnlineRow}s for {@link #writeAll}, with its atomicity.
   */
  @Evolving
  default void writeBatches(FeatureView view, Iterator<? extends ColumnBatch> batches) {
    Iterator<? extends ColumnBatch> source = batches;
    writeAll(
        view,
        new Iterator<>() {
          private BatchColumns columns;

          @Override
          public boolean hasNext() {
            return source.hasNext();
          }

          @Override
          public List<OnlineRow> next() {
            ColumnBatch batch = source.next();
            if (columns == null) {
              columns = BatchColumns.of(view, batch.columns());
            }
            return columns.toOnlineRows(batch);
          }
        });
  }

  /**
   * Reads the latest values of some features for some keys: one result per key, in input order,
   * with only the requested features.
   */
  List<OnlineResult> read(FeatureView view, List<EntityKey> keys, List<String> features);

  /** Removes the storage of these views. */
  void teardown(List<FeatureView> views);

  /** Compacts, expires snapshots and deletes rows past the ttl. */
  @Evolving
  default List<MaintenanceReport> maintain(List<FeatureView> views) {
    throw new UnsupportedFeatureException(type(), "maintenance", OnlineCapability.MAINTENANCE);
  }

  /**
   * The optional behaviours this store offers; none by default. The runtime refuses what is not
   * declared before it starts, so declare exactly what the store honours: the conformance suite
   * checks both directions.
   */
  default Set<OnlineCapability> capabilities() {
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
