package dev.feast.iceberg.benchmarks.online;

import dev.feast.iceberg.spi.EntityKey;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feast's Redis online store layout: one hash per entity key, named by the serialized entity key
 * followed by the project name; one field per feature, named by the little-endian murmur3 hash of
 * {@code <view>:<feature>}, holding a serialized {@code feast.types.Value}; the event time in field
 * {@code _ts:<view>} as a serialized {@code google.protobuf.Timestamp}. Values are encoded and
 * decoded here as Feast's protobuf does (double_val = field 5, int64_val = field 4).
 */
public final class FeastRedisLayout {
  private final byte[] project;
  private final byte[][] fields;
  private final byte[] timestampField;
  private final byte[][] readFields;

  public FeastRedisLayout(String project, String view, List<String> features) {
    this.project = project.getBytes(StandardCharsets.UTF_8);
    this.fields = new byte[features.size()][];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = murmur3Le(view + ":" + features.get(i));
    }
    this.timestampField = ("_ts:" + view).getBytes(StandardCharsets.UTF_8);
    this.readFields = new byte[fields.length + 1][];
    System.arraycopy(fields, 0, readFields, 0, fields.length);
    readFields[fields.length] = timestampField;
  }

  public byte[] key(EntityKey key) {
    byte[] entity = key.serialize();
    byte[] out = new byte[entity.length + project.length];
    System.arraycopy(entity, 0, out, 0, entity.length);
    System.arraycopy(project, 0, out, entity.length, project.length);
    return out;
  }

  /** The hash of one row: feature values (Double or Long) in feature order, and its time. */
  public Map<byte[], byte[]> hash(Object[] values, Instant event) {
    Map<byte[], byte[]> hash = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      hash.put(fields[i], encode(values[i]));
    }
    hash.put(timestampField, timestamp(event));
    return hash;
  }

  /** The fields a read asks for: every feature, then the timestamp. */
  public byte[][] readFields() {
    return readFields;
  }

  /** Decodes an HMGET answer into feature name to value, plus the event time, as Feast does. */
  public Map<String, Object> decode(List<String> features, List<byte[]> answer) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < features.size(); i++) {
      byte[] value = answer.get(i);
      row.put(features.get(i), value == null ? null : decodeValue(value));
    }
    byte[] ts = answer.get(features.size());
    row.put("event_timestamp", ts == null ? null : decodeTimestamp(ts));
    return row;
  }

  static byte[] encode(Object value) {
    if (value instanceof Double d) {
      ByteBuffer out = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN);
      out.put((byte) ((5 << 3) | 1)).putDouble(d);
      return out.array();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(11);
    out.write(4 << 3);
    varint(out, (Long) value);
    return out.toByteArray();
  }

  public static Object decodeValue(byte[] bytes) {
    int field = (bytes[0] & 0xff) >>> 3;
    if (field == 5) {
      return ByteBuffer.wrap(bytes, 1, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble();
    }
    return readVarint(bytes, 1);
  }

  private static byte[] timestamp(Instant event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16);
    out.write(1 << 3);
    varint(out, event.getEpochSecond());
    if (event.getNano() != 0) {
      out.write(2 << 3);
      varint(out, event.getNano());
    }
    return out.toByteArray();
  }

  private static Instant decodeTimestamp(byte[] bytes) {
    long seconds = 0;
    long nanos = 0;
    int i = 0;
    while (i < bytes.length) {
      int field = (bytes[i] & 0xff) >>> 3;
      long value = readVarint(bytes, i + 1);
      i += 1 + varintLength(bytes, i + 1);
      if (field == 1) {
        seconds = value;
      } else if (field == 2) {
        nanos = value;
      }
    }
    return Instant.ofEpochSecond(seconds, nanos);
  }

  private static void varint(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }

  private static long readVarint(byte[] bytes, int from) {
    long result = 0;
    int shift = 0;
    for (int i = from; i < bytes.length; i++) {
      result |= (long) (bytes[i] & 0x7F) << shift;
      if ((bytes[i] & 0x80) == 0) {
        break;
      }
      shift += 7;
    }
    return result;
  }

  private static int varintLength(byte[] bytes, int from) {
    int n = 0;
    while ((bytes[from + n] & 0x80) != 0) {
      n++;
    }
    return n + 1;
  }

  /** Feast's field name: murmur3 (x86, 32 bit, seed 0) of the UTF-8 name, little-endian. */
  static byte[] murmur3Le(String name) {
    byte[] data = name.getBytes(StandardCharsets.UTF_8);
    int h = 0;
    int blocks = data.length / 4;
    for (int i = 0; i < blocks; i++) {
      int k =
          (data[4 * i] & 0xff)
              | (data[4 * i + 1] & 0xff) << 8
              | (data[4 * i + 2] & 0xff) << 16
              | (data[4 * i + 3] & 0xff) << 24;
      h ^= mix(k);
      h = Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
    }
    int k = 0;
    int tail = blocks * 4;
    switch (data.length & 3) {
      case 3:
        k ^= (data[tail + 2] & 0xff) << 16;
      // fall through
      case 2:
        k ^= (data[tail + 1] & 0xff) << 8;
      // fall through
      case 1:
        k ^= data[tail] & 0xff;
        h ^= mix(k);
        break;
      default:
        break;
    }
    h ^= data.length;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(h).array();
  }

  private static int mix(int k) {
    k *= 0xcc9e2d51;
    k = Integer.rotateLeft(k, 15);
    return k * 0x1b873593;
  }
}
