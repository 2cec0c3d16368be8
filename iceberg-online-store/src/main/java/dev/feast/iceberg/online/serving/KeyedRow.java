package dev.feast.iceberg.online.serving;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A row ready to be written: validated, timestamps at microsecond precision (what Iceberg
 * stores), values in Feast's Java representation.
 *
 * @param key the Feast v3 serialized entity key
 * @param eventTimestamp when the values were true
 * @param createdTimestamp when they were written, or null
 * @param values feature name to value (null allowed); features left out are written as null
 */
public record KeyedRow(
    ByteBuffer key, Instant eventTimestamp, Instant createdTimestamp, Map<String, Object> values) {
  public KeyedRow {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(eventTimestamp, "event timestamp");
    Objects.requireNonNull(values, "values");
  }
}
