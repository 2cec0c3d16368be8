package dev.feast.iceberg.cli;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Feast values in forms JSON and CSV hold: timestamps as ISO-8601 text, bytes as base64. */
final class JsonValues {
  private JsonValues() {}

  static Object of(Object value) {
    if (value instanceof Instant instant) {
      return instant.toString();
    } else if (value instanceof ByteBuffer buffer) {
      ByteBuffer copy = buffer.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      return Base64.getEncoder().encodeToString(bytes);
    } else if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(item -> out.add(of(item)));
      return out;
    }
    return value;
  }
}
