package dev.feast.iceberg.core.materialize;

import java.time.Instant;

/**
 * What materialization copied for one feature view.
 *
 * @param view the feature view
 * @param start the interval start (inclusive)
 * @param end the interval end (inclusive)
 * @param rows rows written to the online store
 */
public record MaterializationResult(String view, Instant start, Instant end, long rows) {}
