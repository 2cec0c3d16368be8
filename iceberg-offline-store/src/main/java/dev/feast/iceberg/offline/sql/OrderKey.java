package dev.feast.iceberg.offline.sql;

import static dev.feast.iceberg.common.Sql.id;

/**
 * One number per source row ordered by (event timestamp, created timestamp), so a single ASOF
 * inequality picks Feast's winner: the greatest event timestamp at or before {@code t}, then the
 * greatest created timestamp (a NULL created counts least). It replaces a pass deduplicating (keys,
 * event timestamp), which costs more than the join itself.
 *
 * <p>Packed: when both timestamps fall on a coarse step (whole hours, minutes, seconds or
 * milliseconds) and their spans are small enough, {@code index(ts) * slots + index(created) + 1}
 * fits a {@code BIGINT}, which DuckDB sorts as fast as the timestamp alone. Otherwise a {@code
 * HUGEINT} {@code epoch_us(ts) * 2^64 + (epoch_us(created) + 2^63)}, exact for any values but a
 * wider sort key (about 1.5 times the join's time).
 *
 * @param packed whether the BIGINT form is used; the other fields only matter then
 * @param tsBase the least event timestamp, in microseconds
 * @param tsStep the step every event timestamp falls on, in microseconds
 * @param tsCount the number of steps from the least to the greatest event timestamp, plus one
 * @param createdBase the least created timestamp, in microseconds
 * @param createdStep the step every created timestamp falls on, in microseconds
 * @param createdSlots created timestamp positions per event step: 0 for NULL, then one per step
 */
public record OrderKey(
    boolean packed,
    long tsBase,
    long tsStep,
    long tsCount,
    long createdBase,
    long createdStep,
    long createdSlots) {
  /** The exact 128-bit form, for any values. */
  public static final OrderKey WIDE = new OrderKey(false, 0, 1, 0, 0, 1, 0);

  private static final String SHIFT = "18446744073709551616";
  private static final long LIMIT = Long.MAX_VALUE / 4;

  /**
   * The packed form for these bounds when it fits, else {@link #WIDE}.
   *
   * @param createdMin the least created timestamp, or null when every one is NULL
   */
  public static OrderKey of(
      long tsMin, long tsMax, long tsStep, Long createdMin, Long createdMax, long createdStep) {
    long tsCount;
    long createdSlots;
    try {
      tsCount = Math.subtractExact(tsMax, tsMin) / tsStep + 1;
      createdSlots =
          createdMin == null ? 1 : Math.subtractExact(createdMax, createdMin) / createdStep + 2;
    } catch (ArithmeticException e) {
      return WIDE; // spans beyond 2^63 microseconds: only the wide form holds them
    }
    if (tsCount <= 0 || createdSlots <= 0 || tsCount > LIMIT / createdSlots) {
      return WIDE;
    }
    return new OrderKey(
        true,
        tsMin,
        tsStep,
        tsCount,
        createdMin == null ? 0 : createdMin,
        createdStep,
        createdSlots);
  }

  /** The key of a source row from its event and created timestamp columns. */
  public String source(String ts, String created) {
    if (!packed) {
      return "CAST(epoch_us("
          + ts
          + ") AS HUGEINT) * "
          + SHIFT
          + " + COALESCE(CAST(epoch_us("
          + created
          + ") AS HUGEINT) + 9223372036854775808, 0)";
    }
    return "((epoch_us("
        + ts
        + ") - "
        + tsBase
        + ") // "
        + tsStep
        + ") * "
        + createdSlots
        + " + COALESCE((epoch_us("
        + created
        + ") - "
        + createdBase
        + ") // "
        + createdStep
        + " + 1, 0)";
  }

  /**
   * The key an entity row at {@code t} compares with: every source row with an event timestamp at
   * or before {@code t} is at or below it, whatever its created timestamp, and no later row is.
   */
  public String entity(String t) {
    if (!packed) {
      return "(CAST(epoch_us(" + t + ") AS HUGEINT) * " + SHIFT + " + 18446744073709551615)";
    }
    // Before the first event nothing matches; past the last the index is capped to stay in range.
    return "(CASE WHEN epoch_us("
        + t
        + ") < "
        + tsBase
        + " THEN -1 ELSE least((epoch_us("
        + t
        + ") - "
        + tsBase
        + ") // "
        + tsStep
        + ", "
        + (tsCount - 1)
        + ") * "
        + createdSlots
        + " + "
        + (createdSlots - 1)
        + " END)";
  }

  /** The column of the key in a source relation. */
  static String column() {
    return id("__feast_order");
  }
}
