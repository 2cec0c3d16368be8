package dev.feast.iceberg.spark.materialize;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.ValueType;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/**
 * On the executors: each latest row keyed by its entity key in Feast's version 3 serialization
 * ({@link EntityKey#serialize()}, the bytes the online store reads and writes) and by the path of
 * the online table partition it belongs to (Iceberg's own transforms of the table's spec, murmur3
 * {@code bucket} included), so rows can be shuffled to one task per partition and sorted by key.
 * Rows with a null join key have no key: they are counted and left out, as the local engine does.
 */
final class KeyedRows implements MapPartitionsFunction<Row, Row> {
  static final String ENTITY_KEY = "entity_key";
  static final String PARTITION = "__partition";

  private final String[] joinKeys;
  private final ValueType[] keyTypes;
  private final PartitionSpec spec;
  private final Schema schema;
  private final LongAccumulator skipped;

  KeyedRows(
      List<String> joinKeys,
      List<ValueType> keyTypes,
      PartitionSpec spec,
      Schema schema,
      LongAccumulator skipped) {
    this.joinKeys = joinKeys.toArray(String[]::new);
    this.keyTypes = keyTypes.toArray(ValueType[]::new);
    this.spec = spec;
    this.schema = schema;
    this.skipped = skipped;
  }

  /** The columns out: entity_key, __partition, then the latest rows' columns after the keys. */
  static StructType schema(StructType latest, int keys) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(ENTITY_KEY, DataTypes.BinaryType, false));
    fields.add(DataTypes.createStructField(PARTITION, DataTypes.StringType, false));
    StructField[] in = latest.fields();
    for (int i = keys; i < in.length; i++) {
      fields.add(in[i]);
    }
    return DataTypes.createStructType(fields);
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    PartitionKey partition = new PartitionKey(spec, schema);
    InternalRecordWrapper wrapper = new InternalRecordWrapper(schema.asStruct());
    GenericRecord probe = GenericRecord.create(schema);
    int keys = joinKeys.length;
    return new Iterator<>() {
      private Row next = advance();

      private Row advance() {
        while (rows.hasNext()) {
          Row row = rows.next();
          byte[] key = key(row);
          if (key == null) {
            skipped.add(1);
            continue;
          }
          Object[] out = new Object[row.length() - keys + 2];
          out[0] = key;
          out[1] = partitionPath(key, row.get(row.length() - 2));
          for (int i = keys; i < row.length(); i++) {
            out[i - keys + 2] = row.get(i);
          }
          return RowFactory.create(out);
        }
        return null;
      }

      private String partitionPath(byte[] key, Object eventTs) {
        if (spec.isUnpartitioned()) {
          return "";
        }
        probe.setField(ENTITY_KEY, ByteBuffer.wrap(key));
        probe.setField(
            "event_ts", OffsetDateTime.ofInstant(OnlineValues.instant(eventTs), ZoneOffset.UTC));
        partition.partition(wrapper.wrap(probe));
        return spec.partitionToPath(partition);
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Row next() {
        Row current = next;
        next = advance();
        return current;
      }
    };
  }

  /** The serialized entity key, or null when a join key is null. */
  private byte[] key(Row row) {
    if (joinKeys.length == 0) {
      return EntityKey.EMPTY.serialize();
    }
    List<Object> values = new ArrayList<>(joinKeys.length);
    for (int i = 0; i < joinKeys.length; i++) {
      Object value = row.get(i);
      if (value == null) {
        return null;
      }
      values.add(OnlineValues.keyValue(joinKeys[i], keyTypes[i], value));
    }
    return new EntityKey(List.of(joinKeys), values).serialize();
  }
}
