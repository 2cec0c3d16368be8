package dev.feast.iceberg.spi.materialize;

import dev.feast.iceberg.spi.annotation.Evolving;

/**
 * What an engine wrote for one {@link MaterializationTask}, once the online store committed it.
 *
 * @param task the task
 * @param rows rows written to the online store (one per entity key)
 * @param skippedRows rows of the source left out because a join key was null: no entity key can be
 *     made of them
 */
@Evolving
public record MaterializationTaskResult(MaterializationTask task, long rows, long skippedRows) {}
