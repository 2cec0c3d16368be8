package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;
import java.util.Map;

/** Where a feature view's rows come from, and which of its columns carry the timestamps. */
@Stable
public interface DataSource {
  /** The source's name. */
  String name();

  /** The column holding each row's event timestamp. */
  String timestampField();

  /** The column holding when each row was written, used to break ties; empty when there is none. */
  String createdTimestampColumn();

  /** Source column name to feature or join key name. */
  Map<String, String> fieldMapping();

  /** Whether the source has a created timestamp column. */
  default boolean hasCreatedTimestamp() {
    return !createdTimestampColumn().isEmpty();
  }

  /** The source column that holds a feature or join key, after {@link #fieldMapping()}. */
  default String sourceColumn(String name) {
    for (Map.Entry<String, String> e : fieldMapping().entrySet()) {
      if (e.getValue().equals(name)) {
        return e.getKey();
      }
    }
    return name;
  }
}
