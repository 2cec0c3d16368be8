package dev.feast.iceberg.spark.materialize;

import dev.feast.iceberg.spi.ExternalSystemException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.util.PropertyUtil;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * On the executors: writes one task's keyed rows (grouped by online partition, sorted by key) into
 * Parquet data files of the online table, with the table's own writer settings (its properties:
 * Parquet, snappy, row group size, no dictionary, the bloom filter on {@code entity_key}, full
 * {@code entity_key} bounds), a new file per partition and past the table's target file size.
 * Returns the files' metadata, not committed: the driver commits every task's files at once.
 */
final class OnlineFileWriter
    implements Function2<Integer, Iterator<Row>, Iterator<DataFile>>, Serializable {
  private static final String BLOOM_NDV = "write.parquet.bloom-filter-ndv.column.entity_key";

  private final Broadcast<Table> table;
  private final String operationId;
  private final long epoch;
  private final String[] features;
  private final Map<String, Long> keysPerPartition;

  OnlineFileWriter(
      Broadcast<Table> table,
      String operationId,
      long epoch,
      List<String> features,
      Map<String, Long> keysPerPartition) {
    this.table = table;
    this.operationId = operationId;
    this.epoch = epoch;
    this.features = features.toArray(String[]::new);
    this.keysPerPartition = keysPerPartition;
  }

  @Override
  public Iterator<DataFile> call(Integer task, Iterator<Row> rows) {
    Table online = table.value();
    PartitionSpec spec = online.spec();
    long targetSize =
        PropertyUtil.propertyAsLong(
            online.properties(),
            TableProperties.WRITE_TARGET_FILE_SIZE_BYTES,
            TableProperties.WRITE_TARGET_FILE_SIZE_BYTES_DEFAULT);
    OutputFileFactory files =
        OutputFileFactory.builderFor(online, task, epoch)
            .format(FileFormat.PARQUET)
            .operationId(operationId)
            .build();
    Type[] types = new Type[features.length];
    for (int j = 0; j < features.length; j++) {
      types[j] = online.schema().findType(features[j]);
    }
    PartitionKey partition = new PartitionKey(spec, online.schema());
    InternalRecordWrapper wrapper = new InternalRecordWrapper(online.schema().asStruct());
    List<DataFile> written = new ArrayList<>();
    DataWriter<org.apache.iceberg.data.Record> writer = null;
    String current = null;
    try {
      while (rows.hasNext()) {
        Row row = rows.next();
        GenericRecord record = record(online, types, row);
        String path = row.getString(1);
        if (writer != null && (!path.equals(current) || writer.length() >= targetSize)) {
          written.add(close(writer));
          writer = null;
        }
        if (writer == null) {
          current = path;
          partition.partition(wrapper.wrap(record));
          PartitionKey key = spec.isUnpartitioned() ? null : partition.copy();
          writer =
              writers(online, keysPerPartition.getOrDefault(path, 16L))
                  .newDataWriter(files.newOutputFile(spec, key), spec, key);
        }
        writer.write(record);
      }
      if (writer != null) {
        written.add(close(writer));
        writer = null;
      }
    } catch (RuntimeException e) {
      // A failed task leaves no file of its own behind; Spark retries it with new file names.
      abandon(online, writer, written);
      throw e;
    }
    return written.iterator();
  }

  /** The writer factory with the table's settings and the key bloom filter sized for its keys. */
  private static GenericFileWriterFactory writers(Table online, long keys) {
    return new GenericFileWriterFactory.Builder(online)
        .dataFileFormat(FileFormat.PARQUET)
        .dataSchema(online.schema())
        .dataSortOrder(online.sortOrder())
        .writerProperties(Map.of(BLOOM_NDV, Long.toString(Math.max(16, keys))))
        .build();
  }

  private GenericRecord record(Table online, Type[] types, Row row) {
    GenericRecord record = GenericRecord.create(online.schema());
    record.setField(KeyedRows.ENTITY_KEY, ByteBuffer.wrap((byte[]) row.get(0)));
    for (int j = 0; j < features.length; j++) {
      record.setField(features[j], OnlineValues.icebergValue(types[j], row.get(2 + j)));
    }
    int ts = 2 + features.length;
    record.setField(
        "event_ts", OffsetDateTime.ofInstant(OnlineValues.instant(row.get(ts)), ZoneOffset.UTC));
    Object created = row.get(ts + 1);
    record.setField(
        "created_ts",
        created == null
            ? null
            : OffsetDateTime.ofInstant(OnlineValues.instant(created), ZoneOffset.UTC));
    return record;
  }

  private static DataFile close(DataWriter<org.apache.iceberg.data.Record> writer) {
    try {
      writer.close();
    } catch (IOException e) {
      throw ExternalSystemException.storage("Could not write an online data file", e);
    }
    return writer.toDataFile();
  }

  private static void abandon(
      Table online, DataWriter<org.apache.iceberg.data.Record> open, List<DataFile> written) {
    if (open != null) {
      try {
        open.close();
        online.io().deleteFile(open.toDataFile().location());
      } catch (IOException | RuntimeException ignored) {
        // The failure being thrown matters more; an unreferenced file is removed by maintenance.
      }
    }
    written.forEach(file -> online.io().deleteFile(file.location()));
  }
}
