package dev.feast.iceberg.core.materialize;

import java.time.Instant;

/**
 * What materialization copied for one feature view.
 *
 * @param view the feature view
 * @param start the interval start (inclusive)
 * @param end the interval end (inclusive)
 * @param rows rows written to the online store
 * @param skippedRows rows of the source left out because a join key was null (a source written
 *     before ingestion refused null keys): no entity key can be made of them
 */
public record MaterializationResult(
    String view, Instant start, Instant end, long rows, long skippedRows) {
  /** A result with no row skipped. */
  public MaterializationResult(String view, Instant start, Instant end, long rows) {
    this(view, start, end, rows, 0);
  }
}
