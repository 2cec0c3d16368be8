package dev.feast.iceberg.core.materialize;

import dev.feast.iceberg.spi.ColumnBatch;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.offline.BatchStream;
import dev.feast.iceberg.spi.online.BatchColumns;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The column batches of a pull, handed to an online store with a columnar write as it asks for
 * them, counting rows (those with a null join key, which the store leaves out, as skipped) and
 * telling the listener as {@link PullBatches} does for rows.
 */
final class PulledBatches implements Iterator<ColumnBatch> {
  private final FeatureView view;
  private final BatchStream batches;
  private final BatchColumns columns;
  private final Materializer.Listener listener;
  private long read;
  private long reported;
  private long skipped;
  private boolean ended;

  PulledBatches(FeatureView view, BatchStream batches, Materializer.Listener listener) {
    this.view = view;
    this.batches = batches;
    this.columns = BatchColumns.of(view, batches.columns());
    this.listener = listener;
  }

  @Override
  public boolean hasNext() {
    if (ended) {
      return false;
    }
    if (read > reported) {
      reported = read;
      listener.progressed(view, read);
    }
    if (!batches.hasNext()) {
      ended = true;
      listener.committing(view, written());
      return false;
    }
    return true;
  }

  @Override
  public ColumnBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException("The pull of " + view.name() + " has no more rows");
    }
    ColumnBatch batch = batches.next();
    for (int row = 0; row < batch.rowCount(); row++) {
      if (columns.nullKey(batch, row)) {
        skipped++;
      }
    }
    read += batch.rowCount();
    return batch;
  }

  /** Rows handed to the online store with a join key. */
  long written() {
    return read - skipped;
  }

  /** Rows left out for a null join key. */
  long skipped() {
    return skipped;
  }
}
