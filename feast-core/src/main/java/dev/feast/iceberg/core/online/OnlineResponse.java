package dev.feast.iceberg.core.online;

import dev.feast.iceberg.spi.online.FeatureStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to an online request: one row per entity row, in order, holding the entity row's join
 * keys and the requested features, with each feature's status and event timestamp.
 *
 * @param columns the column names: join keys, then features
 * @param rows one map per entity row, column to value
 * @param statuses one map per entity row, feature column to status
 * @param eventTimestamps one map per entity row, feature column to the stored event timestamp
 */
public record OnlineResponse(
    List<String> columns,
    List<Map<String, Object>> rows,
    List<Map<String, FeatureStatus>> statuses,
    List<Map<String, Instant>> eventTimestamps) {

  public OnlineResponse {
    columns = List.copyOf(columns);
    rows = frozen(rows);
    statuses = frozen(statuses);
    eventTimestamps = frozen(eventTimestamps);
  }

  /** Column to values, Feast's {@code to_dict()}. */
  public Map<String, List<Object>> toDict() {
    Map<String, List<Object>> dict = new LinkedHashMap<>();
    for (String column : columns) {
      List<Object> values = new ArrayList<>(rows.size());
      rows.forEach(row -> values.add(row.get(column)));
      dict.put(column, Collections.unmodifiableList(values));
    }
    return dict;
  }

  private static <V> List<Map<String, V>> frozen(List<Map<String, V>> maps) {
    List<Map<String, V>> copy = new ArrayList<>(maps.size());
    maps.forEach(m -> copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(m))));
    return Collections.unmodifiableList(copy);
  }
}
