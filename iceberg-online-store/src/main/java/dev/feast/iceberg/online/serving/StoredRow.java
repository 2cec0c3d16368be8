package dev.feast.iceberg.online.serving;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * The winning row of one entity key in the serving state: its timestamps and its feature values
 * aligned with a {@link FeatureColumns}. Values are immutable (lists unmodifiable, byte buffers
 * private copies).
 */
public final class StoredRow {
  private static final Comparator<Instant> CREATED =
      Comparator.nullsFirst(Comparator.<Instant>naturalOrder());

  private final Instant eventTimestamp;
  private final Instant createdTimestamp;
  private final Object[] values;

  StoredRow(Instant eventTimestamp, Instant createdTimestamp, Object[] values) {
    this.eventTimestamp = Objects.requireNonNull(eventTimestamp, "event timestamp");
    this.createdTimestamp = createdTimestamp;
    this.values = values;
  }

  /** When the values were true. */
  public Instant eventTimestamp() {
    return eventTimestamp;
  }

  /** When they were written, or null. */
  public Instant createdTimestamp() {
    return createdTimestamp;
  }

  /** The value of the feature at {@code column} of the row's {@link FeatureColumns}. */
  public Object value(int column) {
    return values[column];
  }

  /**
   * Whether this row replaces {@code held}: a greater event timestamp, or an equal one and a
   * greater created timestamp (null sorts lowest). On a full tie the row applied later (the later
   * commit) wins, as a later write of the same instant overwrites in Feast's Redis store.
   */
  boolean replaces(StoredRow held) {
    int byEvent = eventTimestamp.compareTo(held.eventTimestamp);
    if (byEvent != 0) {
      return byEvent > 0;
    }
    return CREATED.compare(createdTimestamp, held.createdTimestamp) >= 0;
  }

  /** The newer of two rows, {@code incoming} on a full tie. */
  static StoredRow latest(StoredRow held, StoredRow incoming) {
    return incoming.replaces(held) ? incoming : held;
  }
}
