package dev.feast.iceberg.online.serving;

import dev.feast.iceberg.common.RecordValues;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;

/** Converts between rows of an online table and the serving state's rows. */
final class TableRecords {
  private static final Types.TimestampType TIMESTAMPTZ = Types.TimestampType.withZone();

  /** The position of the first feature column in a table's records. */
  static final int FIRST_FEATURE = 3;

  private TableRecords() {}

  /**
   * The Iceberg record of a row to write. The table's columns are the three managed ones, then the
   * feature columns in {@code columns} order (see {@link FeatureColumns#of}), so values are set by
   * position rather than by name.
   */
  static Record toRecord(GenericRecord template, FeatureColumns columns, KeyedRow row) {
    GenericRecord record = template.copy();
    record.set(0, row.key().duplicate());
    record.set(1, RecordValues.toIceberg(row.eventTimestamp(), TIMESTAMPTZ));
    record.set(2, RecordValues.toIceberg(row.createdTimestamp(), TIMESTAMPTZ));
    Object[] values = row.values();
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      record.set(
          FIRST_FEATURE + i,
          value == null || columns.isPlain(i)
              ? value
              : RecordValues.toIceberg(value, columns.type(i)));
    }
    return record;
  }

  /** Adds a row this store wrote to a batch of the serving state. */
  static void add(ColumnBatch batch, KeyedRow row) {
    batch.add(
        bytes(row.key()),
        StoredRow.micros(row.eventTimestamp()),
        row.createdTimestamp() == null
            ? StoredRow.NO_CREATED
            : StoredRow.micros(row.createdTimestamp()),
        row.values());
  }

  /**
   * Adds a record read with the table's schema as projection (columns by position) to a batch of
   * the serving state; a record without a key or event time is left out.
   */
  static void add(ColumnBatch batch, FeatureColumns columns, Record record) {
    Object key = record.get(0);
    Object event = RecordValues.fromIceberg(record.get(1));
    if (key == null || event == null) {
      return;
    }
    Object created = RecordValues.fromIceberg(record.get(2));
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      Object value = record.get(FIRST_FEATURE + i);
      values[i] =
          value == null || columns.isPlain(i) ? value : detach(RecordValues.fromIceberg(value));
    }
    batch.add(
        bytes((ByteBuffer) key),
        StoredRow.micros((Instant) event),
        created == null ? StoredRow.NO_CREATED : StoredRow.micros((Instant) created),
        values);
  }

  /** A copy of a buffer's remaining bytes. */
  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  /** The serialized entity key of a record read from a data file, as a private copy. */
  static ByteBuffer key(Record record) {
    return (ByteBuffer) detach(record.get(0));
  }

  /**
   * The serving row of a record read with the table's schema as projection (columns by position),
   * or null when it has no event time.
   */
  static StoredRow fromRecord(FeatureColumns columns, Record record, long sequence) {
    Object event = RecordValues.fromIceberg(record.get(1));
    if (event == null) {
      return null;
    }
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      Object value = record.get(FIRST_FEATURE + i);
      values[i] =
          value == null || columns.isPlain(i) ? value : detach(RecordValues.fromIceberg(value));
    }
    return new StoredRow(
        columns,
        (Instant) event,
        (Instant) RecordValues.fromIceberg(record.get(2)),
        values,
        sequence);
  }

  /**
   * A copy the serving state may keep: byte buffers copied to their own compact array (a reader's
   * buffer may be a slice of a whole page), lists unmodifiable.
   */
  static Object detach(Object value) {
    if (value instanceof ByteBuffer buffer) {
      ByteBuffer source = buffer.duplicate();
      byte[] bytes = new byte[source.remaining()];
      source.get(bytes);
      return ByteBuffer.wrap(bytes);
    } else if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object item : list) {
        copy.add(detach(item));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
