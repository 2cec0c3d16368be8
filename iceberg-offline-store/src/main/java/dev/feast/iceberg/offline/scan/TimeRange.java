package dev.feast.iceberg.offline.scan;

/**
 * Inclusive bounds on a source's event timestamp, in microseconds since the epoch, that a scan may
 * prune to; a null bound is open.
 *
 * @param lowerMicros the least event timestamp that can matter, or null
 * @param upperMicros the greatest event timestamp that can matter, or null
 * @param empty nothing can match (no entity rows): no file needs reading
 */
public record TimeRange(Long lowerMicros, Long upperMicros, boolean empty) {
  /** No bound: every file is read. */
  public static final TimeRange ALL = new TimeRange(null, null, false);

  /** Nothing matches. */
  public static final TimeRange NONE = new TimeRange(null, null, true);

  /** Both bounds inclusive; either may be null. */
  public static TimeRange between(Long lowerMicros, Long upperMicros) {
    return new TimeRange(lowerMicros, upperMicros, false);
  }
}
