package dev.feast.iceberg.server;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.feast.iceberg.spi.ValueType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Writes feature values as Feast's feature server does ({@code feature_server_utils.py}, the fast
 * path equal to {@code MessageToDict} with Feast's {@code proto_json} patch): the bare value, not
 * the protobuf wrapper; int64 as a JSON number; float32 widened to a double as Python reads a
 * protobuf float ({@code 0.1f} is {@code 0.10000000149011612}); bytes as base64; a {@code
 * UnixTimestamp} as epoch seconds, as Feast's {@code unix_timestamp_val} holds it; lists as arrays;
 * a missing value as {@code null}. NaN and infinities are written as protobuf's JSON mapping writes
 * them, as strings ({@code "NaN"}), so the document stays valid JSON.
 */
final class FeastJson {
  private FeastJson() {}

  /** Writes one value of a type. */
  static void writeValue(JsonGenerator out, ValueType type, Object value) throws IOException {
    if (value == null) {
      out.writeNull();
      return;
    }
    if (type.isList()) {
      ValueType element = type.elementType();
      List<?> list = (List<?>) value;
      out.writeStartArray();
      for (Object item : list) {
        writeValue(out, element, item);
      }
      out.writeEndArray();
      return;
    }
    switch (type) {
      case STRING -> out.writeString((String) value);
      case INT32 -> out.writeNumber(((Number) value).intValue());
      case INT64 -> out.writeNumber(((Number) value).longValue());
      case DOUBLE -> writeDouble(out, ((Number) value).doubleValue());
      case FLOAT -> writeDouble(out, ((Number) value).floatValue());
      case BOOL -> out.writeBoolean((Boolean) value);
      case BYTES -> out.writeString(base64((ByteBuffer) value));
      case UNIX_TIMESTAMP -> out.writeNumber(((Instant) value).getEpochSecond());
      default -> throw new IllegalStateException("No JSON form for " + type);
    }
  }

  private static void writeDouble(JsonGenerator out, double value) throws IOException {
    if (Double.isNaN(value)) {
      out.writeString("NaN");
    } else if (Double.isInfinite(value)) {
      out.writeString(value > 0 ? "Infinity" : "-Infinity");
    } else {
      out.writeNumber(value);
    }
  }

  static String base64(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * A protobuf {@code Timestamp} as Feast's server writes it: RFC 3339 in UTC, with no fraction
   * when the nanoseconds are zero, else 3, 6 or 9 digits, whichever is exact; an unset time
   * (nothing stored, or a join key column) is the epoch.
   */
  static String timestamp(Instant instant) {
    if (instant == null) {
      return "1970-01-01T00:00:00Z";
    }
    Instant seconds = Instant.ofEpochSecond(instant.getEpochSecond());
    String base =
        seconds.toString(); // 2026-11-25T10:00:00Z: whole seconds print without a fraction
    base = base.substring(0, base.length() - 1);
    int nanos = instant.getNano();
    if (nanos == 0) {
      return base + "Z";
    } else if (nanos % 1_000_000 == 0) {
      return base + String.format(java.util.Locale.ROOT, ".%03dZ", nanos / 1_000_000);
    } else if (nanos % 1_000 == 0) {
      return base + String.format(java.util.Locale.ROOT, ".%06dZ", nanos / 1_000);
    }
    return base + String.format(java.util.Locale.ROOT, ".%09dZ", nanos);
  }
}
