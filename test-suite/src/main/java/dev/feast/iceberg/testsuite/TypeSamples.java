package dev.feast.iceberg.testsuite;

import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.annotation.Evolving;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

/**
 * Sample values of every {@link ValueType}, as the {@code type_samples} view holds them: sample 1
 * ordinary values, sample 2 nulls, sample 3 edge values (empty strings and lists, extremes).
 * Timestamps have whole microseconds, the precision Iceberg keeps.
 */
@Evolving
public final class TypeSamples {
  private TypeSamples() {}

  /** The value of {@code type} in sample 1, 2 or 3, in Feast's Java representation. */
  public static Object value(ValueType type, int sample) {
    if (sample == 2) {
      return null;
    }
    boolean edge = sample == 3;
    if (type.isList()) {
      if (edge) {
        return List.of();
      }
      Object element = value(type.elementType(), 1);
      Object other = value(type.elementType(), 3);
      return List.of(element, other);
    }
    switch (type) {
      case BYTES:
        return edge ? ByteBuffer.wrap(new byte[0]) : DatasetRows.bytes(0, 1, 254, 255);
      case STRING:
        return edge ? "" : "Grüße, 世界";
      case INT32:
        return edge ? Integer.MIN_VALUE : 42;
      case INT64:
        return edge ? Long.MAX_VALUE : 1L << 40;
      case DOUBLE:
        return edge ? Double.MAX_VALUE : 2.5;
      case FLOAT:
        return edge ? Float.MIN_VALUE : 1.25f;
      case BOOL:
        return !edge;
      case UNIX_TIMESTAMP:
        return edge ? Instant.EPOCH : Instant.parse("2024-02-29T23:59:59.123456Z");
      default:
        throw new IllegalArgumentException("No sample of " + type);
    }
  }
}
