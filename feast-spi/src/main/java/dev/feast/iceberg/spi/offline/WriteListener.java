package dev.feast.iceberg.spi.offline;

import dev.feast.iceberg.spi.annotation.Stable;

/**
 * Hears how a write to an offline store advances, to show progress: rows go to data files first,
 * then one commit makes them all visible at once.
 */
@Stable
public interface WriteListener {
  /** A listener that hears nothing. */
  WriteListener NONE = new WriteListener() {};

  /**
   * {@code rows} rows of the batch are in data files so far (not visible yet). A store writing
   * files on several threads may call it from any of them, one call at a time, with counts that
   * only grow.
   */
  default void written(long rows) {}

  /** Every row is in a data file; the commit that makes them visible starts. */
  default void committing() {}
}
