package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Feast's value types, numbered as in Feast's {@code ValueType} protobuf enum (the numbers appear
 * in serialized entity keys). Each scalar type has a list counterpart.
 *
 * <p>Java representation: {@code BYTES} is a {@link ByteBuffer}, {@code STRING} a {@link String},
 * {@code INT32} an {@link Integer}, {@code INT64} a {@link Long}, {@code DOUBLE} a {@link Double},
 * {@code FLOAT} a {@link Float}, {@code BOOL} a {@link Boolean}, {@code UNIX_TIMESTAMP} an {@link
 * Instant}; list types are a {@link List} of the element representation. A missing value is {@code
 * null}.
 */
@Stable
public enum ValueType {
  BYTES(1, ByteBuffer.class),
  STRING(2, String.class),
  INT32(3, Integer.class),
  INT64(4, Long.class),
  DOUBLE(5, Double.class),
  FLOAT(6, Float.class),
  BOOL(7, Boolean.class),
  UNIX_TIMESTAMP(8, Instant.class),
  BYTES_LIST(11, BYTES),
  STRING_LIST(12, STRING),
  INT32_LIST(13, INT32),
  INT64_LIST(14, INT64),
  DOUBLE_LIST(15, DOUBLE),
  FLOAT_LIST(16, FLOAT),
  BOOL_LIST(17, BOOL),
  UNIX_TIMESTAMP_LIST(18, UNIX_TIMESTAMP);

  private final int protoNumber;
  private final Class<?> javaClass;
  private final ValueType element;

  ValueType(int protoNumber, Class<?> javaClass) {
    this.protoNumber = protoNumber;
    this.javaClass = javaClass;
    this.element = null;
  }

  ValueType(int protoNumber, ValueType element) {
    this.protoNumber = protoNumber;
    this.javaClass = List.class;
    this.element = element;
  }

  /** The number Feast's protobuf enum gives this type. */
  public int protoNumber() {
    return protoNumber;
  }

  /** The Java class a value of this type has ({@link List} for list types). */
  public Class<?> javaClass() {
    return javaClass;
  }

  /** Whether this is a list type. */
  public boolean isList() {
    return element != null;
  }

  /** The element type of a list type, or this type for a scalar. */
  public ValueType elementType() {
    return element == null ? this : element;
  }

  /**
   * The type for a name as Feast writes it in definitions: {@code Float32}, {@code Int64}, {@code
   * String}, {@code Array(Float32)}, or the enum name ({@code FLOAT}, {@code INT64_LIST}).
   */
  public static ValueType parse(String name) {
    String trimmed = name.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.startsWith("array(") && lower.endsWith(")")) {
      ValueType element = parse(trimmed.substring(6, trimmed.length() - 1));
      if (element.isList()) {
        throw new InvalidDefinitionException("Nested lists are not a Feast type: " + name);
      }
      return listOf(element);
    }
    switch (lower) {
      case "bytes":
        return BYTES;
      case "string":
        return STRING;
      case "int32":
        return INT32;
      case "int64":
        return INT64;
      case "float64":
      case "double":
        return DOUBLE;
      case "float32":
      case "float":
        return FLOAT;
      case "bool":
        return BOOL;
      case "unixtimestamp":
      case "unix_timestamp":
        return UNIX_TIMESTAMP;
      default:
        for (ValueType type : values()) {
          if (type.name().equalsIgnoreCase(trimmed)) {
            return type;
          }
        }
        throw new InvalidDefinitionException(
            "Unknown value type '"
                + name
                + "'; use one of Bytes, String, Int32, Int64, Float32,"
                + " Float64, Bool, UnixTimestamp or Array(<one of those>)");
    }
  }

  /** The list type whose elements are {@code element}. */
  public static ValueType listOf(ValueType element) {
    for (ValueType type : values()) {
      if (type.element == element) {
        return type;
      }
    }
    throw new InvalidDefinitionException("No list type for " + element);
  }

  /** The name Feast's Python SDK uses for this type ({@code Float32}, {@code Array(Int64)}). */
  public String feastName() {
    if (isList()) {
      return "Array(" + element.feastName() + ")";
    }
    switch (this) {
      case BYTES:
        return "Bytes";
      case STRING:
        return "String";
      case INT32:
        return "Int32";
      case INT64:
        return "Int64";
      case DOUBLE:
        return "Float64";
      case FLOAT:
        return "Float32";
      case BOOL:
        return "Bool";
      default:
        return "UnixTimestamp";
    }
  }
}
