package dev.feast.iceberg.online.serving;

import dev.feast.iceberg.online.write.ColumnChunk;
import dev.feast.iceberg.spi.ColumnBatch;
import dev.feast.iceberg.spi.FeatureView;
import java.util.Iterator;

/**
 * Column batches into a bulk write: rows gathered into a {@link ColumnChunk} (its capacity bounds
 * the memory held) and, each time it fills and at the end, sorted by key, one per key, and written
 * into data files. The caller commits the bulk write.
 */
public final class ChunkedBatches {
  private ChunkedBatches() {}

  /** Writes every batch into {@code append}'s files. */
  public static void write(
      BulkAppend append, FeatureView view, Iterator<? extends ColumnBatch> batches) {
    ColumnChunk chunk = null;
    while (batches.hasNext()) {
      ColumnBatch batch = batches.next();
      if (chunk == null) {
        chunk =
            new ColumnChunk(
                append.schema(),
                view,
                batch.columns(),
                ColumnChunk.capacityFor(view.features().size()));
      }
      int row = 0;
      while (row < batch.rowCount()) {
        row = chunk.append(batch, row);
        if (chunk.full()) {
          append.add(chunk, chunk.winners());
          chunk.clear();
        }
      }
    }
    if (chunk != null && chunk.size() > 0) {
      append.add(chunk, chunk.winners());
    }
  }
}
