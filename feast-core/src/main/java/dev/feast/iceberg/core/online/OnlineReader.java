package dev.feast.iceberg.core.online;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.InvalidEntityRowsException;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.ViewSelection;
import dev.feast.iceberg.spi.online.FeatureValue;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the features of several views for entity rows and assembles one response. */
public final class OnlineReader {
  private OnlineReader() {}

  /** Reads every selection for every entity row. */
  public static OnlineResponse read(
      OnlineStore store,
      List<ViewSelection> selections,
      List<Map<String, ?>> entityRows,
      boolean fullFeatureNames) {
    Set<String> keyColumns = new LinkedHashSet<>();
    for (ViewSelection selection : selections) {
      selection.view().joinKeys().forEach(k -> keyColumns.add(selection.entityColumn(k)));
    }
    List<String> columns = new ArrayList<>(keyColumns);
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Map<String, dev.feast.iceberg.spi.online.FeatureStatus>> statuses = new ArrayList<>();
    List<Map<String, java.time.Instant>> timestamps = new ArrayList<>();
    for (Map<String, ?> entityRow : entityRows) {
      Map<String, Object> row = new LinkedHashMap<>();
      keyColumns.forEach(c -> row.put(c, entityRow.get(c)));
      rows.add(row);
      statuses.add(new LinkedHashMap<>());
      timestamps.add(new LinkedHashMap<>());
    }
    for (ViewSelection selection : selections) {
      List<EntityKey> keys = new ArrayList<>(entityRows.size());
      for (int i = 0; i < entityRows.size(); i++) {
        keys.add(key(selection, entityRows.get(i), i));
      }
      List<String> features = selection.features().stream().map(Field::name).toList();
      List<OnlineResult> results = store.read(selection.view(), keys, features);
      for (String feature : features) {
        columns.add(selection.outputColumn(feature, fullFeatureNames));
      }
      for (int i = 0; i < results.size(); i++) {
        OnlineResult result = results.get(i);
        for (String feature : features) {
          String column = selection.outputColumn(feature, fullFeatureNames);
          FeatureValue value = result.features().getOrDefault(feature, FeatureValue.NOT_FOUND);
          rows.get(i).put(column, value.value());
          statuses.get(i).put(column, value.status());
          timestamps.get(i).put(column, result.eventTimestamp());
        }
      }
    }
    return new OnlineResponse(columns, rows, statuses, timestamps);
  }

  /** The entity key of one view for one entity row, join key values coerced to their types. */
  static EntityKey key(ViewSelection selection, Map<String, ?> entityRow, int index) {
    List<Field> joinKeys = selection.view().entityColumns();
    if (joinKeys.isEmpty()) {
      return EntityKey.EMPTY;
    }
    List<String> names = new ArrayList<>(joinKeys.size());
    List<Object> values = new ArrayList<>(joinKeys.size());
    for (Field joinKey : joinKeys) {
      String column = selection.entityColumn(joinKey.name());
      Object value = entityRow.get(column);
      if (value == null) {
        throw new InvalidEntityRowsException(
            "Entity row "
                + index
                + " has no value for '"
                + column
                + "', a join key of feature view '"
                + selection.view().name()
                + "'; it has "
                + entityRow.keySet());
      }
      names.add(joinKey.name());
      values.add(coerce(value, joinKey.type(), column, index));
    }
    return new EntityKey(names, values);
  }

  private static Object coerce(Object value, ValueType type, String column, int index) {
    if (type == ValueType.INT64 && (value instanceof Integer || value instanceof Short)) {
      return ((Number) value).longValue();
    }
    if (type == ValueType.INT32 && value instanceof Long n && n == n.intValue()) {
      return n.intValue();
    }
    if (!type.javaClass().isInstance(value)) {
      throw new InvalidEntityRowsException(
          "Entity row "
              + index
              + " holds "
              + value
              + " ("
              + value.getClass().getSimpleName()
              + ") in '"
              + column
              + "', a join key of type "
              + type.feastName());
    }
    return value;
  }
}
