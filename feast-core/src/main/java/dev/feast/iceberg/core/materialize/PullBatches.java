package dev.feast.iceberg.core.materialize;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.offline.RowStream;
import dev.feast.iceberg.spi.online.OnlineRow;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The rows of a pull as batches of online rows, read as the online store asks for them, so that one
 * batch at a time is in memory. Rows with a null join key are counted and left out. When the store
 * asks for the next batch the previous one is written, which is when progress is told; when the
 * pull ends the listener hears that the store is about to commit (and may still refuse it).
 */
final class PullBatches implements Iterator<List<OnlineRow>> {
  private final FeatureView view;
  private final RowStream rows;
  private final PulledColumns columns;
  private final int batchSize;
  private final Materializer.Listener listener;
  private List<OnlineRow> batch;
  private long read;
  private long reported;
  private long written;
  private long skipped;
  private boolean ended;

  PullBatches(FeatureView view, RowStream rows, int batchSize, Materializer.Listener listener) {
    this.view = view;
    this.rows = rows;
    this.columns = PulledColumns.of(view, rows.columns());
    this.batchSize = batchSize;
    this.listener = listener;
  }

  @Override
  public boolean hasNext() {
    if (batch != null) {
      return true;
    }
    if (ended) {
      return false;
    }
    if (read > reported) {
      reported = read;
      listener.progressed(view, read);
    }
    List<OnlineRow> next = new ArrayList<>(Math.min(batchSize, 1 << 16));
    while (next.size() < batchSize && rows.hasNext()) {
      OnlineRow row = columns.toOnlineRow(rows.next());
      read++;
      if (row == null) {
        skipped++;
      } else {
        next.add(row);
      }
    }
    if (next.isEmpty()) {
      ended = true;
      listener.committing(view, written);
      return false;
    }
    batch = next;
    return true;
  }

  @Override
  public List<OnlineRow> next() {
    if (!hasNext()) {
      throw new NoSuchElementException("The pull of " + view.name() + " has no more rows");
    }
    List<OnlineRow> handed = batch;
    batch = null;
    written += handed.size();
    return handed;
  }

  /** Rows handed to the online store. */
  long written() {
    return written;
  }

  /** Rows left out for a null join key. */
  long skipped() {
    return skipped;
  }
}
