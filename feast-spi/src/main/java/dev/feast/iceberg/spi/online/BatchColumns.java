package dev.feast.iceberg.spi.online;

import dev.feast.iceberg.spi.ColumnBatch;
import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.annotation.Evolving;
import dev.feast.iceberg.spi.offline.OfflineStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a view's join keys, features and timestamps sit among the columns of the batches handed to
 * {@link OnlineStore#writeBatches} (named as a pull from the offline store names them), and the
 * batches' rows as {@link OnlineRow}s for stores without a columnar write.
 *
 * @param joinKeys the view's join keys
 * @param keyColumns each join key's column
 * @param features the view's features
 * @param featureColumns each feature's column, or -1 when the batches leave it out (null)
 * @param eventColumn the {@link OfflineStore#EVENT_TIMESTAMP} column
 * @param createdColumn the {@link OfflineStore#CREATED_TIMESTAMP} column, or -1
 */
@Evolving
public record BatchColumns(
    List<String> joinKeys,
    int[] keyColumns,
    List<Field> features,
    int[] featureColumns,
    int eventColumn,
    int createdColumn) {

  /** Finds the view's columns; fails naming a join key or the event timestamp the batches lack. */
  public static BatchColumns of(FeatureView view, List<Field> columns) {
    List<String> names = columns.stream().map(Field::name).toList();
    int[] keys = new int[view.joinKeys().size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = required(view, names, view.joinKeys().get(i));
    }
    int[] features = new int[view.features().size()];
    for (int i = 0; i < features.length; i++) {
      Field feature = view.features().get(i);
      features[i] = names.indexOf(feature.name());
      if (features[i] >= 0 && columns.get(features[i]).type() != feature.type()) {
        throw new SchemaMismatchException(
            "Feature '"
                + feature.name()
                + "' of view '"
                + view.name()
                + "' is "
                + feature.type()
                + " but the batches to write hold "
                + columns.get(features[i]).type()
                + "; convert the column to "
                + feature.type());
      }
    }
    return new BatchColumns(
        view.joinKeys(),
        keys,
        view.features(),
        features,
        required(view, names, OfflineStore.EVENT_TIMESTAMP),
        names.indexOf(OfflineStore.CREATED_TIMESTAMP));
  }

  /** Whether a row has a null join key (no entity key can be made: it is left out). */
  public boolean nullKey(ColumnBatch batch, int row) {
    for (int column : keyColumns) {
      if (batch.isNull(column, row)) {
        return true;
      }
    }
    return false;
  }

  /** The rows of a batch as online rows, leaving out rows with a null join key. */
  public List<OnlineRow> toOnlineRows(ColumnBatch batch) {
    List<OnlineRow> rows = new ArrayList<>(batch.rowCount());
    for (int row = 0; row < batch.rowCount(); row++) {
      if (nullKey(batch, row)) {
        continue;
      }
      List<Object> values = new ArrayList<>(keyColumns.length);
      for (int column : keyColumns) {
        values.add(batch.get(column, row));
      }
      Map<String, Object> features = new LinkedHashMap<>();
      for (int i = 0; i < featureColumns.length; i++) {
        if (featureColumns[i] >= 0) {
          features.put(this.features.get(i).name(), batch.get(featureColumns[i], row));
        }
      }
      Instant created = createdColumn < 0 ? null : (Instant) batch.get(createdColumn, row);
      rows.add(
          new OnlineRow(
              new EntityKey(joinKeys, values),
              features,
              (Instant) batch.get(eventColumn, row),
              created));
    }
    return rows;
  }

  private static int required(FeatureView view, List<String> names, String column) {
    int i = names.indexOf(column);
    if (i < 0) {
      throw new SchemaMismatchException(
          "The batches to write into view '"
              + view.name()
              + "' have no column '"
              + column
              + "'; their columns are "
              + names);
    }
    return i;
  }
}
