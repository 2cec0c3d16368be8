package dev.feast.iceberg.spi.materialize;

import dev.feast.iceberg.spi.annotation.Evolving;

/**
 * Runs materialization: the latest row per entity key of a view over an interval, read from the
 * offline store and written to the online store (Feast's {@code BatchMaterializationEngine}, chosen
 * with {@code batch_engine: {type: ...}}). The runtime holds the view's materialization lock around
 * each call and records the interval in the registry only after it returned, so an engine only
 * computes and writes.
 *
 * <p>Contract, checked by the test suite's {@code MaterializationEngineConformance}:
 *
 * <ul>
 *   <li>the online answers afterwards are those of the latest row per key with event time in {@code
 *       [start, end]} (greatest event timestamp, then created timestamp), rows with a null join key
 *       skipped and counted;
 *   <li>with an online store that declares {@code ATOMIC_BULK_WRITE}, a view's rows become visible
 *       in one commit, and a failure (or a listener that throws) commits nothing;
 *   <li>materializing the same interval again changes no answer.
 * </ul>
 */
@Evolving
public interface MaterializationEngine extends AutoCloseable {
  /**
   * Materializes one view and returns once its rows are committed to the online store.
   *
   * @param task the view and its interval
   * @param listener hears the phases, for progress; {@link MaterializationListener#NONE} for none
   * @return the rows written and skipped
   */
  MaterializationTaskResult materialize(MaterializationTask task, MaterializationListener listener);

  /** Releases what the engine holds (a Spark session, threads); the stores stay open. */
  @Override
  void close();
}
