package dev.feast.iceberg.core.materialize;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.materialize.MaterializationEngine;
import dev.feast.iceberg.spi.materialize.MaterializationListener;
import dev.feast.iceberg.spi.materialize.MaterializationTask;
import dev.feast.iceberg.spi.materialize.MaterializationTaskResult;
import java.time.Instant;

/**
 * {@code batch_engine: local}, the default: the {@link Materializer} in this process, the offline
 * store's pull handed to the online store's bulk write in batches. The runtime records the interval
 * and tells the listener a view is finished, so the materializer here records nothing.
 */
final class LocalMaterializationEngine implements MaterializationEngine {
  private final Materializer materializer;

  LocalMaterializationEngine(Materializer materializer) {
    this.materializer = materializer;
  }

  @Override
  public MaterializationTaskResult materialize(
      MaterializationTask task, MaterializationListener listener) {
    MaterializationResult result =
        materializer.materialize(task.view(), task.start(), task.end(), phasesOnly(listener));
    return new MaterializationTaskResult(task, result.rows(), result.skippedRows());
  }

  /**
   * The listener's phases; {@code waiting} and {@code finished} belong to the runtime, which holds
   * the lock and tells {@code finished} only once the interval is recorded.
   */
  private static Materializer.Listener phasesOnly(MaterializationListener listener) {
    return new Materializer.Listener() {
      @Override
      public void started(FeatureView view, Instant start, Instant end) {
        listener.started(view, start, end);
      }

      @Override
      public void writing(FeatureView view, long total) {
        listener.writing(view, total);
      }

      @Override
      public void progressed(FeatureView view, long rows) {
        listener.progressed(view, rows);
      }

      @Override
      public void committing(FeatureView view, long rowsWritten) {
        listener.committing(view, rowsWritten);
      }
    };
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "local materialization engine";
  }
}
