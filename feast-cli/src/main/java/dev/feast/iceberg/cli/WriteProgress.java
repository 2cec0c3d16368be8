package dev.feast.iceberg.cli;

import dev.feast.iceberg.spi.offline.WriteListener;

/**
 * Shows a write to the offline store in its two phases: rows going to data files (the total is
 * known, so the bar shows time left), then the commit that makes them visible at once.
 */
final class WriteProgress implements WriteListener {
  private final Progress progress;
  private final String table;
  private final long total;
  private final Progress.Task writing;
  private Progress.Task committing;

  WriteProgress(Progress progress, String table, long total) {
    this.progress = progress;
    this.table = table;
    this.total = total;
    this.writing = progress.start("Writing to " + table, total);
  }

  @Override
  public void written(long rows) {
    writing.update(rows);
  }

  @Override
  public void committing() {
    writing.finish(total);
    committing = progress.start("Committing to " + table, Progress.UNKNOWN);
  }

  /** The commit is done. */
  void committed() {
    if (committing != null) {
      committing.finish(total);
    }
  }
}
