package dev.feast.iceberg.online.serving;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Objects;

/**
 * A row ready to be written: validated, timestamps at microsecond precision (what Iceberg stores),
 * values in Feast's Java representation aligned with the table's {@link FeatureColumns} (a feature
 * the write left out is null). The values array is owned by the row: the serving state keeps it as
 * it is, so nothing may change it after construction.
 *
 * @param key the Feast v3 serialized entity key (a heap buffer over its own array)
 * @param eventTimestamp when the values were true
 * @param createdTimestamp when they were written, or null
 * @param values one value per feature column of the table, null allowed
 */
public record KeyedRow(
    ByteBuffer key, Instant eventTimestamp, Instant createdTimestamp, Object[] values) {
  public KeyedRow {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(eventTimestamp, "event timestamp");
    Objects.requireNonNull(values, "values");
  }

  /** Whether this row replaces {@code held}: greater (event, created), or equal and later. */
  public boolean replaces(KeyedRow held) {
    int byEvent = eventTimestamp.compareTo(held.eventTimestamp);
    if (byEvent != 0) {
      return byEvent > 0;
    }
    return StoredRow.CREATED.compare(createdTimestamp, held.createdTimestamp) >= 0;
  }

  /** Orders keys as unsigned bytes, the table's sort order, without copying them. */
  public static int compareKeys(ByteBuffer a, ByteBuffer b) {
    return java.util.Arrays.compareUnsigned(
        a.array(),
        a.arrayOffset() + a.position(),
        a.arrayOffset() + a.limit(),
        b.array(),
        b.arrayOffset() + b.position(),
        b.arrayOffset() + b.limit());
  }
}
