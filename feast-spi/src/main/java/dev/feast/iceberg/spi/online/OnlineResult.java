package dev.feast.iceberg.spi.online;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.annotation.Stable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer for one entity key of an online read.
 *
 * @param key the key asked for
 * @param eventTimestamp the stored row's event timestamp, or null when nothing is stored
 * @param features requested feature name to value, in request order
 */
@Stable
public record OnlineResult(
    EntityKey key, Instant eventTimestamp, Map<String, FeatureValue> features) {
  public OnlineResult {
    features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
  }

  /** Whether anything is stored for the key. */
  public boolean found() {
    return eventTimestamp != null;
  }

  /** The value of one feature, or null when it is absent or expired. */
  public Object value(String feature) {
    FeatureValue value = features.get(feature);
    return value == null ? null : value.value();
  }
}
