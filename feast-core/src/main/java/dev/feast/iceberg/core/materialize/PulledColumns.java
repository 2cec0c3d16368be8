package dev.feast.iceberg.core.materialize;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.ErrorKind;
import dev.feast.iceberg.spi.FeastException;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.online.OnlineRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where each part of an online row sits in a row pulled from the offline store. */
record PulledColumns(
    List<String> joinKeys,
    int[] keyIndex,
    List<String> features,
    int[] featureIndex,
    int eventIndex,
    int createdIndex) {

  static PulledColumns of(FeatureView view, List<Field> columns) {
    List<String> names = columns.stream().map(Field::name).toList();
    List<String> joinKeys = view.joinKeys();
    List<String> features = view.features().stream().map(Field::name).toList();
    return new PulledColumns(
        joinKeys,
        indexes(names, joinKeys, view),
        features,
        indexes(names, features, view),
        index(names, OfflineStore.EVENT_TIMESTAMP, view),
        names.indexOf(OfflineStore.CREATED_TIMESTAMP));
  }

  /** The online row of a pulled row, or null when a join key is null (no key can be made). */
  OnlineRow toOnlineRow(List<Object> row) {
    EntityKey key = EntityKey.EMPTY;
    if (!joinKeys.isEmpty()) {
      List<Object> values = new ArrayList<>(joinKeys.size());
      for (int i : keyIndex) {
        Object value = row.get(i);
        if (value == null) {
          return null;
        }
        values.add(value);
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
      throw new FeastException(
          ErrorKind.INTERNAL,
          "The offline store's pull of '"
              + view.name()
              + "' has no column '"
              + wanted
              + "': "
              + names);
    }
    return i;
  }
}
