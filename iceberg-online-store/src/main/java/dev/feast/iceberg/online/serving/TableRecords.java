package dev.feast.iceberg.online.serving;

import dev.feast.iceberg.common.RecordValues;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;

/** Converts between rows of an online table and the serving state's rows. */
final class TableRecords {
  private static final Types.TimestampType TIMESTAMPTZ = Types.TimestampType.withZone();

  private TableRecords() {}

  /** The Iceberg record of a row to write; features the table has and the row lacks are null. */
  static Record toRecord(Schema schema, FeatureColumns columns, KeyedRow row) {
    GenericRecord record = GenericRecord.create(schema);
    record.setField(FeatureColumns.ENTITY_KEY, row.key().duplicate());
    record.setField(
        FeatureColumns.EVENT_TS, RecordValues.toIceberg(row.eventTimestamp(), TIMESTAMPTZ));
    record.setField(
        FeatureColumns.CREATED_TS, RecordValues.toIceberg(row.createdTimestamp(), TIMESTAMPTZ));
    for (int i = 0; i < columns.size(); i++) {
      String name = columns.names().get(i);
      record.setField(name, RecordValues.toIceberg(row.values().get(name), columns.type(i)));
    }
    return record;
  }

  /** The serving row of a row being written (the values the written file holds). */
  static StoredRow toStored(FeatureColumns columns, KeyedRow row) {
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = detach(row.values().get(columns.names().get(i)));
    }
    return new StoredRow(row.eventTimestamp(), row.createdTimestamp(), values);
  }

  /** The serialized entity key of a record read from a data file, as a private copy. */
  static ByteBuffer key(Record record) {
    return (ByteBuffer) detach(record.getField(FeatureColumns.ENTITY_KEY));
  }

  /** The serving row of a record read from a data file, or null when it has no event time. */
  static StoredRow fromRecord(FeatureColumns columns, Record record) {
    Object event = RecordValues.fromIceberg(record.getField(FeatureColumns.EVENT_TS));
    if (event == null) {
      return null;
    }
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = detach(RecordValues.fromIceberg(record.getField(columns.names().get(i))));
    }
    return new StoredRow(
        (Instant) event,
        (Instant) RecordValues.fromIceberg(record.getField(FeatureColumns.CREATED_TS)),
        values);
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
