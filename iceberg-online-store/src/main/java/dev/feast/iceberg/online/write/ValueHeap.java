package dev.feast.iceberg.online.write;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * About the heap a feature value holds: its header and contents, the elements of a list included.
 * One estimate for both places that bound memory by it (the write path's column chunks and the
 * serving state's budget), erring high: a string is counted at two bytes a character, since nothing
 * tells whether the JVM keeps it compact.
 */
public final class ValueHeap {
  private ValueHeap() {}

  /** The estimated bytes of one value; 16 for a boxed number or boolean, 0 for null. */
  public static long of(Object value) {
    if (value == null) {
      return 0;
    } else if (value instanceof String text) {
      return 40L + text.length() * 2L;
    } else if (value instanceof ByteBuffer buffer) {
      return 64L + buffer.capacity();
    } else if (value instanceof byte[] bytes) {
      return 16L + bytes.length;
    } else if (value instanceof List<?> list) {
      long bytes = 40L + 8L * list.size();
      for (Object element : list) {
        bytes += element == null ? 0 : 16 + of(element);
      }
      return bytes;
    }
    return 16;
  }
}
