package dev.feast.iceberg.offline.sql;

import dev.feast.iceberg.offline.scan.SourceColumns;
import java.util.List;

/**
 * One feature view of a point-in-time join.
 *
 * @param columns the source columns read
 * @param source the SQL of the source relation ({@link SourceRelation#sql})
 * @param entityKeys the entity column that holds each join key, aligned with {@code columns.keys()}
 * @param ttlMicros the ttl in microseconds; 0 means no lower bound
 * @param outputs the output column of each feature, aligned with {@code columns.features()}
 * @param order the (event, created) order key of the source, or null when it has no created
 *     timestamp (or the join filters by created timestamp and ranks candidates instead)
 */
public record ViewJoin(
    SourceColumns columns,
    String source,
    List<String> entityKeys,
    long ttlMicros,
    List<String> outputs,
    OrderKey order) {
  public ViewJoin {
    entityKeys = List.copyOf(entityKeys);
    outputs = List.copyOf(outputs);
    if (entityKeys.size() != columns.keys().size()) {
      throw new IllegalArgumentException("One entity column per join key is needed");
    }
    if (outputs.size() != columns.features().size()) {
      throw new IllegalArgumentException("One output column per feature is needed");
    }
  }
}
