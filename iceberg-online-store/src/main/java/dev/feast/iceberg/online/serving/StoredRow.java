package dev.feast.iceberg.online.serving;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * The winning row of one entity key, as a read gets it: its timestamps and its feature values
 * aligned with a {@link FeatureColumns}. A {@link RowIndex} copies one out of its pages per key
 * read; {@link FileLookup} makes one per row it reads from a file.
 *
 * <p>Numbers and booleans are kept as raw bits in one {@code long[]}, other values (strings, bytes,
 * lists, timestamps) in an {@code Object[]} allocated only when the table has such columns,
 * timestamps as epoch microseconds (Iceberg's precision); values are boxed when read. Values are
 * immutable (lists unmodifiable, byte buffers private copies).
 */
public final class StoredRow {
  static final Comparator<Instant> CREATED =
      Comparator.nullsFirst(Comparator.<Instant>naturalOrder());

  /** The created timestamp of a row without one: sorts lowest. */
  static final long NO_CREATED = Long.MIN_VALUE;

  private final FeatureColumns columns;
  private final long eventMicros;
  private final long createdMicros;
  private final long sequence;
  private final long[] bits;
  private final Object[] objects;

  /** One bit per column: the value is null. */
  private final long[] nulls;

  StoredRow(
      FeatureColumns columns,
      Instant eventTimestamp,
      Instant createdTimestamp,
      Object[] values,
      long sequence) {
    Objects.requireNonNull(eventTimestamp, "event timestamp");
    this.columns = columns;
    this.eventMicros = micros(eventTimestamp);
    this.createdMicros = createdTimestamp == null ? NO_CREATED : micros(createdTimestamp);
    this.sequence = sequence;
    int width = values.length;
    this.bits = columns.hasPrimitives() ? new long[width] : null;
    this.objects = columns.hasObjects() ? new Object[width] : null;
    long[] nullMask = null;
    for (int i = 0; i < width; i++) {
      Object value = values[i];
      if (value == null) {
        nullMask = nullMask == null ? new long[(width + 63) / 64] : nullMask;
        nullMask[i >>> 6] |= 1L << i;
      } else if (columns.kind(i) == FeatureColumns.OBJECT) {
        objects[i] = value;
      } else {
        bits[i] = toBits(columns.kind(i), value);
      }
    }
    this.nulls = nullMask;
  }

  /** A row from values already held as raw bits, objects and a null mask (arrays owned by it). */
  StoredRow(
      FeatureColumns columns,
      long eventMicros,
      long createdMicros,
      long[] bits,
      Object[] objects,
      long[] nulls,
      long sequence) {
    this.columns = columns;
    this.eventMicros = eventMicros;
    this.createdMicros = createdMicros;
    this.sequence = sequence;
    this.bits = bits;
    this.objects = objects;
    this.nulls = nulls;
  }

  /** When the values were true. */
  public Instant eventTimestamp() {
    return instant(eventMicros);
  }

  /** When they were written, or null. */
  public Instant createdTimestamp() {
    return createdMicros == NO_CREATED ? null : instant(createdMicros);
  }

  /** Whether the event timestamp is before {@code cutoff}. */
  public boolean olderThan(Instant cutoff) {
    return olderThan(eventMicros, cutoff);
  }

  /** Whether an event timestamp in epoch microseconds is before {@code cutoff}. */
  static boolean olderThan(long eventMicros, Instant cutoff) {
    long cutoffMicros = micros(cutoff);
    return eventMicros < cutoffMicros
        || (eventMicros == cutoffMicros && instant(eventMicros).isBefore(cutoff));
  }

  /**
   * Whether a row of (event, created, sequence) replaces a held one; see {@link
   * #replaces(StoredRow)}. Created timestamps are {@link #NO_CREATED} when absent.
   */
  static boolean replaces(
      long event,
      long created,
      long sequence,
      long heldEvent,
      long heldCreated,
      long heldSequence) {
    if (event != heldEvent) {
      return event > heldEvent;
    }
    if (created != heldCreated) {
      return created > heldCreated;
    }
    return sequence >= heldSequence;
  }

  /** The value of the feature at {@code column} of the row's {@link FeatureColumns}. */
  public Object value(int column) {
    if (nulls != null && (nulls[column >>> 6] & (1L << column)) != 0) {
      return null;
    }
    byte kind = columns.kind(column);
    if (kind == FeatureColumns.OBJECT) {
      return objects[column];
    }
    long raw = bits[column];
    return switch (kind) {
      case FeatureColumns.LONG -> raw;
      case FeatureColumns.INT -> (int) raw;
      case FeatureColumns.DOUBLE -> Double.longBitsToDouble(raw);
      case FeatureColumns.FLOAT -> Float.intBitsToFloat((int) raw);
      default -> raw != 0;
    };
  }

  /**
   * Whether this row replaces {@code held}: a greater event timestamp, or an equal one and a
   * greater created timestamp (null sorts lowest). On a tie the row of the later commit (greater
   * data sequence number) wins, as a later write of the same instant overwrites in Feast's Redis
   * store; within one commit, the row applied later. Because the sequence number is part of the
   * order, files may be applied in any order, in parallel.
   */
  boolean replaces(StoredRow held) {
    return replaces(
        eventMicros, createdMicros, sequence, held.eventMicros, held.createdMicros, held.sequence);
  }

  /** The newer of two rows, {@code incoming} on a full tie. */
  static StoredRow latest(StoredRow held, StoredRow incoming) {
    return incoming.replaces(held) ? incoming : held;
  }

  /** Heap bytes of the row's arrays, for the memory estimate. */
  long arrayBytes() {
    return (bits == null ? 0 : 16 + 8L * bits.length)
        + (objects == null ? 0 : 16 + 4L * objects.length)
        + (nulls == null ? 0 : 16 + 8L * nulls.length);
  }

  static long toBits(byte kind, Object value) {
    return switch (kind) {
      case FeatureColumns.LONG -> (Long) value;
      case FeatureColumns.INT -> (Integer) value;
      case FeatureColumns.DOUBLE -> Double.doubleToRawLongBits((Double) value);
      case FeatureColumns.FLOAT -> Float.floatToRawIntBits((Float) value);
      default -> ((Boolean) value) ? 1 : 0;
    };
  }

  static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
  }
}
