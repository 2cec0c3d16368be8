package dev.feast.iceberg.spi.materialize;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.annotation.Evolving;
import java.time.Instant;

/**
 * Hears the phases of one view's materialization, to show progress: reading the source, writing,
 * committing. Every method has a do-nothing default; an engine calls them from the thread that
 * called {@link MaterializationEngine#materialize}, in the order declared here. A listener may
 * throw (the user interrupted): the engine then stops and commits nothing.
 */
@Evolving
public interface MaterializationListener {
  /** Listens to nothing. */
  MaterializationListener NONE = new MaterializationListener() {};

  /** A view starts: its rows in {@code [start, end]} are being read from the source. */
  default void started(FeatureView view, Instant start, Instant end) {}

  /**
   * The source was read (or its reading planned); {@code total} rows are to be written, or -1 when
   * the engine does not know before they are written.
   */
  default void writing(FeatureView view, long total) {}

  /** Rows were written; {@code rows} counts the view's rows handled so far. */
  default void progressed(FeatureView view, long rows) {}

  /**
   * Every row is written and the online store is about to commit them. Throwing here abandons the
   * view: nothing is committed.
   */
  default void committing(FeatureView view, long rowsWritten) {}
}
