package dev.feast.iceberg.online.serving;

/**
 * How much one view's in-memory serving state may hold ({@code serving_memory_budget_mb}, {@code
 * serving_max_keys}); 0 is no limit. Without memory ({@code serving_mode: files}) no state is built
 * at all and every read goes to the data files.
 *
 * @param maxBytes the estimated heap, in bytes
 * @param maxKeys the number of entity keys
 * @param inMemory whether a view may be held in memory at all
 */
public record ServingLimits(long maxBytes, long maxKeys, boolean inMemory) {
  /** No limit. */
  public static final ServingLimits NONE = new ServingLimits(0, 0);

  /** No in-memory state: every read opens the data files that can hold its keys. */
  public static final ServingLimits FILES_ONLY = new ServingLimits(0, 0, false);

  /** Limits of an in-memory state. */
  public ServingLimits(long maxBytes, long maxKeys) {
    this(maxBytes, maxKeys, true);
  }

  /** Whether the index holds more than allowed. */
  boolean exceededBy(RowIndex index) {
    return (maxKeys > 0 && index.size() > maxKeys)
        || (maxBytes > 0 && index.estimatedBytes() > maxBytes);
  }

  boolean limited() {
    return maxKeys > 0 || maxBytes > 0;
  }
}
