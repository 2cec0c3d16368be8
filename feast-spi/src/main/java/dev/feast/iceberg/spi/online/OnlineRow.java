package dev.feast.iceberg.spi.online;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.annotation.Stable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entity's feature values at one event time, as written to an online store.
 *
 * @param key the entity key ({@link EntityKey#EMPTY} for an entity-less view)
 * @param values feature name to value; a value may be null
 * @param eventTimestamp when the values were true
 * @param createdTimestamp when they were written (breaks ties on equal event timestamps); may be
 *     null
 */
@Stable
public record OnlineRow(
    EntityKey key, Map<String, Object> values, Instant eventTimestamp, Instant createdTimestamp) {
  public OnlineRow {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(eventTimestamp, () -> "event timestamp of the row for " + key);
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
