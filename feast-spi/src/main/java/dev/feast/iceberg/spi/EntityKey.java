package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identity of one entity (or of a composite of entities): join key names and their values, held
 * sorted by join key name so that two keys with the same pairs are equal whatever order they were
 * given in.
 *
 * <p>Values are {@link String}, {@link Integer}, {@link Long} or {@link ByteBuffer}. The empty key
 * (no join keys) identifies the single row of an entity-less feature view.
 */
@Stable
public record EntityKey(List<String> joinKeys, List<Object> values) {

  /** The key of an entity-less feature view. */
  public static final EntityKey EMPTY = new EntityKey(List.of(), List.of());

  public EntityKey {
    if (joinKeys.size() != values.size()) {
      throw new IllegalArgumentException(
          "Entity key has " + joinKeys.size() + " join keys but " + values.size() + " values");
    }
    TreeMap<String, Object> sorted = new TreeMap<>();
    for (int i = 0; i < joinKeys.size(); i++) {
      String name = Names.requireName(joinKeys.get(i), "join key");
      Object value = values.get(i);
      if (!(value instanceof String
          || value instanceof Integer
          || value instanceof Long
          || value instanceof ByteBuffer)) {
        throw new InvalidEntityRowsException(
            "Join key '"
                + name
                + "' has value "
                + value
                + " of "
                + (value == null ? "no type" : value.getClass().getSimpleName())
                + "; entity key values are String, Integer, Long or ByteBuffer and never null");
      }
      if (sorted.put(name, value) != null) {
        throw new InvalidEntityRowsException(
            "Join key '" + name + "' appears twice in an entity key");
      }
    }
    joinKeys = List.copyOf(sorted.keySet());
    values = List.copyOf(sorted.values());
  }

  /** A key of one join key. */
  public static EntityKey of(String joinKey, Object value) {
    return new EntityKey(List.of(joinKey), List.of(value));
  }

  /** A key of several join keys. */
  public static EntityKey of(Map<String, ?> values) {
    return new EntityKey(new ArrayList<>(values.keySet()), new ArrayList<>(values.values()));
  }

  /** The key as a map from join key to value, sorted by join key. */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < joinKeys.size(); i++) {
      map.put(joinKeys.get(i), values.get(i));
    }
    return Collections.unmodifiableMap(map);
  }

  /** The value of one join key, or null when this key has no such join key. */
  public Object get(String joinKey) {
    int i = joinKeys.indexOf(joinKey);
    return i < 0 ? null : values.get(i);
  }

  /**
   * Feast's entity key serialization, version 3: a little-endian u32 key count; for each join key,
   * sorted by name, u32 type (2, string), u32 length and the UTF-8 name; then for each value, u32
   * Feast type number, u32 length and the value's bytes (integers little-endian).
   */
  public byte[] serialize() {
    List<byte[]> names = new ArrayList<>();
    List<byte[]> encoded = new ArrayList<>();
    int size = 4;
    for (int i = 0; i < joinKeys.size(); i++) {
      byte[] name = joinKeys.get(i).getBytes(StandardCharsets.UTF_8);
      byte[] value = valueBytes(values.get(i));
      names.add(name);
      encoded.add(value);
      size += 8 + name.length + 8 + value.length;
    }
    ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(joinKeys.size());
    for (byte[] name : names) {
      out.putInt(ValueType.STRING.protoNumber()).putInt(name.length).put(name);
    }
    for (int i = 0; i < encoded.size(); i++) {
      out.putInt(typeOf(values.get(i)).protoNumber())
          .putInt(encoded.get(i).length)
          .put(encoded.get(i));
    }
    return out.array();
  }

  /** Reads bytes written by {@link #serialize()}. */
  public static EntityKey deserialize(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    try {
      int count = in.getInt();
      List<String> names = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        in.getInt();
        names.add(new String(readBytes(in), StandardCharsets.UTF_8));
      }
      List<Object> values = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int type = in.getInt();
        ByteBuffer value = ByteBuffer.wrap(readBytes(in)).order(ByteOrder.LITTLE_ENDIAN);
        values.add(decode(type, value));
      }
      return new EntityKey(names, values);
    } catch (RuntimeException e) {
      throw new InvalidEntityRowsException(
          "Not a version-3 Feast entity key: " + Arrays.toString(bytes), e);
    }
  }

  /** The Feast type of a join key value. */
  public static ValueType typeOf(Object value) {
    if (value instanceof String) {
      return ValueType.STRING;
    } else if (value instanceof Integer) {
      return ValueType.INT32;
    } else if (value instanceof Long) {
      return ValueType.INT64;
    }
    return ValueType.BYTES;
  }

  private static byte[] valueBytes(Object value) {
    if (value instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    } else if (value instanceof Integer n) {
      return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(n).array();
    } else if (value instanceof Long n) {
      return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(n).array();
    }
    ByteBuffer buffer = ((ByteBuffer) value).duplicate();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  private static byte[] readBytes(ByteBuffer in) {
    byte[] bytes = new byte[in.getInt()];
    in.get(bytes);
    return bytes;
  }

  private static Object decode(int type, ByteBuffer value) {
    if (type == ValueType.STRING.protoNumber()) {
      return StandardCharsets.UTF_8.decode(value).toString();
    } else if (type == ValueType.INT32.protoNumber()) {
      return value.getInt();
    } else if (type == ValueType.INT64.protoNumber()) {
      return value.getLong();
    } else if (type == ValueType.BYTES.protoNumber()) {
      return value;
    }
    throw new IllegalArgumentException("value type " + type + " cannot be a join key");
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
