package dev.feast.iceberg.core.materialize;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.RowStream;
import dev.feast.iceberg.spi.online.OnlineRow;
import dev.feast.iceberg.spi.online.OnlineStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Copies the latest value per entity of a time range from the offline store to the online store. */
public final class Materializer {
  private static final Logger log = LoggerFactory.getLogger(Materializer.class);

  private final OfflineStore offline;
  private final OnlineStore online;
  private final int batchSize;

  public Materializer(OfflineStore offline, OnlineStore online, int batchSize) {
    this.offline = offline;
    this.online = online;
    this.batchSize = batchSize;
  }

  /**
   * Hears how materialization advances, to show progress. Every method has a do-nothing default;
   * calls come from the materializing thread.
   */
  public interface Listener {
    /** Listens to nothing. */
    Listener NONE = new Listener() {};

    /** A view starts: its rows in {@code [start, end]} are about to be pulled. */
    default void started(FeatureView view, Instant start, Instant end) {}

    /** A batch was written; {@code rowsWritten} counts the view's rows so far. */
    default void progressed(FeatureView view, long rowsWritten) {}

    /** A view is done. */
    default void finished(MaterializationResult result) {}
  }

  /** Materializes one view over {@code [start, end]}; writes in batches of the configured size. */
  public MaterializationResult materialize(FeatureView view, Instant start, Instant end) {
    return materialize(view, start, end, Listener.NONE);
  }

  /** As {@link #materialize(FeatureView, Instant, Instant)}, telling a listener after each batch. */
  public MaterializationResult materialize(FeatureView view, Instant start, Instant end, Listener listener) {
    listener.started(view, start, end);
    long written = 0;
    try (RetrievalJob job = offline.pullLatest(view, start, end);
        RowStream rows = job.rows()) {
      Columns columns = Columns.of(view, rows.columns());
      List<OnlineRow> batch = new ArrayList<>(Math.min(batchSize, 1 << 16));
      while (rows.hasNext()) {
        batch.add(columns.toOnlineRow(rows.next()));
        if (batch.size() >= batchSize) {
          online.write(view, batch);
          written += batch.size();
          batch.clear();
          listener.progressed(view, written);
        }
      }
      if (!batch.isEmpty()) {
        online.write(view, batch);
        written += batch.size();
        listener.progressed(view, written);
      }
    }
    log.info("materialized {} rows of {} for [{}, {}]", written, view.name(), start, end);
    MaterializationResult result = new MaterializationResult(view.name(), start, end, written);
    listener.finished(result);
    return result;
  }

  /** Where each part of an online row sits in a pulled row. */
  private record Columns(List<String> joinKeys, int[] keyIndex, List<String> features, int[] featureIndex,
      int eventIndex, int createdIndex) {

    static Columns of(FeatureView view, List<Field> columns) {
      List<String> names = columns.stream().map(Field::name).toList();
      List<String> joinKeys = view.joinKeys();
      List<String> features = view.features().stream().map(Field::name).toList();
      return new Columns(joinKeys, indexes(names, joinKeys, view), features, indexes(names, features, view),
          index(names, OfflineStore.EVENT_TIMESTAMP, view), names.indexOf(OfflineStore.CREATED_TIMESTAMP));
    }

    OnlineRow toOnlineRow(List<Object> row) {
      EntityKey key = EntityKey.EMPTY;
      if (!joinKeys.isEmpty()) {
        List<Object> values = new ArrayList<>(joinKeys.size());
        for (int i : keyIndex) {
          values.add(row.get(i));
        }
        key = new EntityKey(joinKeys, values);
      }
      Map<String, Object> values = new LinkedHashMap<>();
      for (int i = 0; i < features.size(); i++) {
        values.put(features.get(i), row.get(featureIndex[i]));
      }
      Instant created = createdIndex < 0 ? null : (Instant) row.get(createdIndex);
      return new OnlineRow(key, values, (Instant) row.get(eventIndex), created);
    }

    private static int[] indexes(List<String> names, List<String> wanted, FeatureView view) {
      return wanted.stream().mapToInt(w -> index(names, w, view)).toArray();
    }

    private static int index(List<String> names, String wanted, FeatureView view) {
      int i = names.indexOf(wanted);
      if (i < 0) {
        throw new IllegalStateException(
            "The offline store's pull of '" + view.name() + "' has no column '" + wanted + "': " + names);
      }
      return i;
    }
  }
}
