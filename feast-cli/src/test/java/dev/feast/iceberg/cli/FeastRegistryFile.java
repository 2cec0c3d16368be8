package dev.feast.iceberg.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Feast's protobuf {@code registry.db} as {@code feast apply} leaves it for the driver entity,
 * encoded field by field from Feast's {@code Registry.proto}: what a Feast user's repository holds
 * when they point this project at it.
 */
final class FeastRegistryFile {
  private FeastRegistryFile() {}

  static byte[] withDriverEntity(String project) {
    Message spec =
        new Message()
            .string(1, "driver") // EntitySpecV2.name
            .varint(2, 4) // value_type INT64
            .string(3, "A driver") // description
            .string(4, "driver_id") // join_key
            .string(9, project); // project
    Message entity = new Message().message(1, spec);
    Message lastUpdated = new Message().varint(1, 1_790_000_000L); // Timestamp.seconds
    return new Message()
        .message(1, entity) // Registry.entities
        .string(3, "1") // registry_schema_version
        .string(4, "6f1c2a9e-0d3b-4c8e-9a57-3e2b1d4f8a60") // version_id
        .message(5, lastUpdated) // last_updated
        .toByteArray();
  }

  /** Protocol buffers' wire format: varints and length-delimited fields. */
  private static final class Message {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Message varint(int field, long value) {
      writeVarint((long) field << 3);
      writeVarint(value);
      return this;
    }

    Message string(int field, String value) {
      return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Message message(int field, Message value) {
      return bytes(field, value.toByteArray());
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }

    private Message bytes(int field, byte[] value) {
      writeVarint(((long) field << 3) | 2);
      writeVarint(value.length);
      out.writeBytes(value);
      return this;
    }

    private void writeVarint(long value) {
      long v = value;
      while ((v & ~0x7FL) != 0) {
        out.write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      out.write((int) v);
    }
  }
}
