package dev.feast.iceberg.spi.online;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.UnsupportedFeatureException;
import java.util.List;
import java.util.Set;

/** The latest feature values per entity, for serving. */
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
   * Reads the latest values of some features for some keys: one result per key, in input order,
   * with only the requested features.
   */
  List<OnlineResult> read(FeatureView view, List<EntityKey> keys, List<String> features);

  /** Removes the storage of these views. */
  void teardown(List<FeatureView> views);

  /** Compacts, expires snapshots and deletes rows past the ttl. */
  default List<MaintenanceReport> maintain(List<FeatureView> views) {
    throw new UnsupportedFeatureException(getClass().getSimpleName(), "maintenance");
  }

  /** The optional behaviours this store offers. */
  Set<OnlineCapability> capabilities();

  @Override
  void close();
}
