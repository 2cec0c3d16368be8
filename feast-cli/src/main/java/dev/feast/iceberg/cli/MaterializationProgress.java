package dev.feast.iceberg.cli;

import dev.feast.iceberg.core.materialize.MaterializationResult;
import dev.feast.iceberg.core.materialize.Materializer;
import dev.feast.iceberg.spi.FeatureView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows materialization per feature view in phases: reading the source (elapsed time, redrawn every
 * second by a ticker, as the first row may take a while), writing (rows, percentage once the pull's
 * row count is known, rate, time left), committing; then one line per view with the time of each
 * phase and the rows skipped for a null join key.
 *
 * <p>It also knows what an interruption leaves behind: {@link #interrupt} (run by the shutdown hook
 * on Ctrl-C) stops the run before its next commit and says which view was not committed; a commit
 * already under way is waited for, as it lands whole or not at all.
 */
final class MaterializationProgress implements Materializer.Listener, AutoCloseable {
  /** How long an interruption waits for a commit under way to finish. */
  private static final long COMMIT_WAIT_MILLIS = 30_000;

  private enum Phase {
    IDLE,
    WAITING,
    READING,
    WRITING,
    COMMITTING
  }

  private final Progress progress;
  private final ScheduledExecutorService ticker;
  private final List<String> done = new ArrayList<>();
  private Progress.Task task;
  private Phase phase = Phase.IDLE;
  private String view;
  private String interval;
  private boolean interrupted;
  private long phaseStarted;
  private long readingNanos;
  private long writingNanos;

  MaterializationProgress(Progress progress) {
    this.progress = progress;
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "feast-progress-ticker");
              thread.setDaemon(true);
              return thread;
            });
    ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
  }

  private void tick() {
    Progress.Task current;
    synchronized (this) {
      current = task;
    }
    if (current != null) {
      current.tick();
    }
  }

  @Override
  public synchronized void waiting(FeatureView view, String holder) {
    enter(Phase.WAITING, view.name());
    progress.line(
        view.name()
            + ": another materialization of this view is running"
            + (holder.isEmpty() ? "" : " (" + holder + ")")
            + "; waiting for it to finish");
  }

  @Override
  public synchronized void started(FeatureView view, Instant start, Instant end) {
    enter(Phase.READING, view.name());
    interval = "[" + start + ", " + end + "]";
    task = progress.start(view.name() + " " + interval, Progress.UNKNOWN);
    task.phase("reading source");
  }

  @Override
  public synchronized void writing(FeatureView view, long total) {
    readingNanos = enter(Phase.WRITING, view.name());
    task.rows("writing", total);
  }

  @Override
  public synchronized void progressed(FeatureView view, long rows) {
    checkNotInterrupted();
    task.update(rows);
  }

  @Override
  public synchronized void committing(FeatureView view, long rowsWritten) {
    writingNanos = enter(Phase.COMMITTING, view.name());
    task.phase("committing");
  }

  @Override
  public synchronized void finished(MaterializationResult result) {
    long committing = enter(Phase.IDLE, null);
    task.finish(summary(result, committing));
    task = null;
    done.add(result.view());
    notifyAll();
  }

  /** Moves to a phase (unless interrupted) and returns how long the previous one took. */
  private long enter(Phase next, String name) {
    if (next != Phase.IDLE) {
      checkNotInterrupted();
    }
    long now = progress.nanoTime.getAsLong();
    long took = now - phaseStarted;
    phase = next;
    phaseStarted = now;
    if (name != null) {
      view = name;
    }
    return took;
  }

  private void checkNotInterrupted() {
    if (interrupted) {
      throw new MaterializationInterrupted();
    }
  }

  private String summary(MaterializationResult result, long committingNanos) {
    String line =
        String.format(
            "%s %s  %,d rows in %s (reading source %s, writing %s at %s, committing %s)",
            result.view(),
            interval,
            result.rows(),
            Progress.clock(Math.round((readingNanos + writingNanos + committingNanos) / 1e9)),
            Progress.clock(Math.round(readingNanos / 1e9)),
            Progress.clock(Math.round(writingNanos / 1e9)),
            Progress.rate(result.rows() / Math.max(1e-9, writingNanos / 1e9)),
            Progress.clock(Math.round(committingNanos / 1e9)));
    return line + skipped(result);
  }

  /** {@code ; skipped 3 rows with a null join key}, or nothing. */
  static String skipped(MaterializationResult result) {
    return result.skippedRows() == 0
        ? ""
        : String.format("; skipped %,d rows with a null join key", result.skippedRows());
  }

  /**
   * The process is being stopped (Ctrl-C): no commit starts after this; a commit under way is
   * waited for; then one line says what the online store and the registry hold.
   */
  void interrupt() {
    String message;
    synchronized (this) {
      interrupted = true;
      long deadline = System.currentTimeMillis() + COMMIT_WAIT_MILLIS;
      while (phase == Phase.COMMITTING && System.currentTimeMillis() < deadline) {
        try {
          wait(Math.max(1, deadline - System.currentTimeMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      message = interruptedMessage();
    }
    progress.last(message);
  }

  private String interruptedMessage() {
    String what =
        switch (phase) {
          case WAITING ->
              "Interrupted while waiting for another materialization of "
                  + view
                  + ": nothing of it was written";
          case READING, WRITING ->
              "Interrupted: "
                  + view
                  + " was not committed; the online"
                  + " store keeps its previous values and "
                  + interval
                  + " is not recorded";
          case COMMITTING ->
              "Interrupted while committing "
                  + view
                  + ": the commit lands whole"
                  + " or not at all; 'feature-views describe "
                  + view
                  + "' shows whether "
                  + interval
                  + " was recorded";
          case IDLE -> "Interrupted" + (done.isEmpty() ? ": nothing was materialized" : "");
        };
    return done.isEmpty()
        ? what
        : what + " (committed and recorded: " + String.join(", ", done) + ")";
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
