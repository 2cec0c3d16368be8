package dev.feast.iceberg.core.materialize;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.materialize.MaterializationListener;
import dev.feast.iceberg.spi.offline.BatchStream;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.RowStream;
import dev.feast.iceberg.spi.online.OnlineCapability;
import dev.feast.iceberg.spi.online.OnlineStore;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the latest value per entity of a time range from the offline store to the online store:
 * the pull's rows go to {@link OnlineStore#writeAll} in batches, so a store with atomic bulk writes
 * commits each view once (an interrupted run leaves its previous online state whole), and the
 * interval is recorded only after that commit. An online store with {@code COLUMNAR_WRITE} gets the
 * pull as the offline store's column batches ({@link OnlineStore#writeBatches}) instead of rows,
 * with no object per value between the two stores.
 */
public final class Materializer {
  private static final Logger log = LoggerFactory.getLogger(Materializer.class);

  private final OfflineStore offline;
  private final OnlineStore online;
  private final int batchSize;
  private final IntervalRecorder recorder;

  /** A materializer that records nothing. */
  public Materializer(OfflineStore offline, OnlineStore online, int batchSize) {
    this(offline, online, batchSize, (view, start, end) -> {});
  }

  /** A materializer that records each interval it completed with {@code recorder}. */
  public Materializer(
      OfflineStore offline, OnlineStore online, int batchSize, IntervalRecorder recorder) {
    this.offline = offline;
    this.online = online;
    this.batchSize = batchSize;
    this.recorder = recorder;
  }

  /** Records that a view's rows in {@code [start, end]} are online (the registry's intervals). */
  @FunctionalInterface
  public interface IntervalRecorder {
    void record(FeatureView view, Instant start, Instant end);
  }

  /**
   * Hears how materialization advances, to show progress: the phases of any engine ({@link
   * MaterializationListener}) and, from the runtime, waiting for the lock and the end of a view.
   * Every method has a do-nothing default; calls come from the materializing thread, in the order
   * declared here.
   */
  public interface Listener extends MaterializationListener {
    /** Listens to nothing. */
    Listener NONE = new Listener() {};

    /**
     * Another materialization of the view (in this or another process) is running; this one waits
     * for it. {@code holder} says who it is ("process 4242 since ..."), or is empty.
     */
    default void waiting(FeatureView view, String holder) {}

    /** A view starts: its rows in {@code [start, end]} are being read from the source. */
    @Override
    default void started(FeatureView view, Instant start, Instant end) {}

    /**
     * The source was read; {@code total} rows are to be written, or -1 when the offline store does
     * not tell before they are read.
     */
    @Override
    default void writing(FeatureView view, long total) {}

    /** A batch was written; {@code rows} counts the view's rows read from the pull so far. */
    @Override
    default void progressed(FeatureView view, long rows) {}

    /**
     * Every row is written and the online store is about to commit them. Throwing here (or from
     * {@link #progressed}) abandons the view: an atomic store then commits nothing.
     */
    @Override
    default void committing(FeatureView view, long rowsWritten) {}

    /** A view is done: committed, and its interval recorded. */
    default void finished(MaterializationResult result) {}
  }

  /** Materializes one view over {@code [start, end]}; writes in batches of the configured size. */
  public MaterializationResult materialize(FeatureView view, Instant start, Instant end) {
    return materialize(view, start, end, Listener.NONE);
  }

  /** As {@link #materialize(FeatureView, Instant, Instant)}, telling a listener how it advances. */
  public MaterializationResult materialize(
      FeatureView view, Instant start, Instant end, Listener listener) {
    listener.started(view, start, end);
    long written;
    long skipped;
    try (RetrievalJob job = offline.pullLatest(view, start, end)) {
      if (online.capabilities().contains(OnlineCapability.COLUMNAR_WRITE)) {
        // Column batches straight from the offline store: no object per value on the way.
        try (BatchStream pulled = job.batches(batchSize)) {
          listener.writing(view, job.rowCount().orElse(-1));
          PulledBatches batches = new PulledBatches(view, pulled, listener);
          online.writeBatches(view, batches);
          written = batches.written();
          skipped = batches.skipped();
        }
      } else {
        try (RowStream rows = job.rows()) {
          listener.writing(view, job.rowCount().orElse(-1));
          PullBatches batches = new PullBatches(view, rows, batchSize, listener);
          online.writeAll(view, batches);
          written = batches.written();
          skipped = batches.skipped();
        }
      }
    }
    recorder.record(view, start, end);
    if (skipped > 0) {
      log.info("skipped {} rows of {} with a null join key", skipped, view.name());
    }
    log.info("materialized {} rows of {} for [{}, {}]", written, view.name(), start, end);
    MaterializationResult result =
        new MaterializationResult(view.name(), start, end, written, skipped);
    listener.finished(result);
    return result;
  }
}
