package dev.feast.iceberg.cli;

import dev.feast.iceberg.core.materialize.MaterializationResult;
import dev.feast.iceberg.core.materialize.Materializer;
import dev.feast.iceberg.spi.FeatureView;
import java.time.Instant;

/**
 * Shows materialization per feature view. The number of rows a view will write is not known until
 * its pull is read to the end, so the bar shows rows, rate and elapsed time rather than time left.
 */
final class MaterializationProgress implements Materializer.Listener {
  private final Progress progress;
  private Progress.Task task;

  MaterializationProgress(Progress progress) {
    this.progress = progress;
  }

  @Override
  public void started(FeatureView view, Instant start, Instant end) {
    task = progress.start(view.name() + " [" + start + ", " + end + "]", Progress.UNKNOWN);
  }

  @Override
  public void progressed(FeatureView view, long rowsWritten) {
    task.update(rowsWritten);
  }

  @Override
  public void finished(MaterializationResult result) {
    task.finish(result.rows());
  }
}
