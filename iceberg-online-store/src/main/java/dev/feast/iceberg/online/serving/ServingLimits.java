package dev.feast.iceberg.online.serving;

/**
 * How much one view's in-memory serving state may hold ({@code serving_memory_budget_mb},
 * {@code serving_max_keys}); 0 is no limit.
 *
 * @param maxBytes the estimated heap, in bytes
 * @param maxKeys the number of entity keys
 */
public record ServingLimits(long maxBytes, long maxKeys) {
  /** No limit. */
  public static final ServingLimits NONE = new ServingLimits(0, 0);

  /** Whether the index holds more than allowed. */
  boolean exceededBy(RowIndex index) {
    return (maxKeys > 0 && index.size() > maxKeys)
        || (maxBytes > 0 && index.estimatedBytes() > maxBytes);
  }

  boolean limited() {
    return maxKeys > 0 || maxBytes > 0;
  }
}
