package dev.feast.iceberg.online;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowBatch;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.transforms.Transforms;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Types;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The columnar write path (rows of {@code write} and column batches of {@code writeBatches} encoded
 * straight into Parquet): the files keep the table's layout exactly, and batches read back as the
 * same rows written with {@code write} do.
 */
class ColumnarWriteTest extends OnlineStoreFixture {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"entity_hash", "timestamp", "hybrid"})
  void filesHoldIcebergsOwnPartitionsSortedKeysFullKeyBoundsAndABloomFilter(String strategy)
      throws IOException {
    IcebergOnlineStore store = store(config(strategy, 3_600_000L, null), Clock.systemUTC());
    FeatureView view = view("drivers", DRIVER, Duration.ZERO);
    store.update(List.of(view), List.of());
    List<OnlineRow> rows = new ArrayList<>();
    for (long id = 0; id < 300; id++) {
      rows.add(row(driver(id), at((int) (id % 3) * 60), null, "value", id));
    }
    store.write(view, rows);
    List<List<Object>> batch = new ArrayList<>();
    for (long id = 300; id < 600; id++) {
      batch.add(Arrays.asList(id, id, T0.plus(Duration.ofHours(id % 3))));
    }
    store.writeBatches(
        view,
        List.of(
                new RowBatch(
                    List.of(
                        Field.of("driver_id", ValueType.INT64),
                        Field.of("value", ValueType.INT64),
                        Field.of(OfflineStore.EVENT_TIMESTAMP, ValueType.UNIX_TIMESTAMP)),
                    batch))
            .iterator());

    Table table = table("drivers");
    int keys = 0;
    try (CloseableIterable<FileScanTask> tasks = table.newScan().includeColumnStats().planFiles()) {
      for (FileScanTask task : tasks) {
        DataFile file = task.file();
        List<Record> records = read(table, file);
        keys += records.size();
        PartitionKey expected = new PartitionKey(table.spec(), table.schema());
        InternalRecordWrapper wrapper = new InternalRecordWrapper(table.schema().asStruct());
        ByteBuffer previous = null;
        for (Record record : records) {
          expected.partition(wrapper.wrap(record));
          assertThat(samePartition(expected, file.partition())).as("partition of a row").isTrue();
          ByteBuffer key = (ByteBuffer) record.get(0);
          if (!strategy.equals("timestamp")) {
            int bucket = Transforms.bucket(4).bind(Types.BinaryType.get()).apply(key);
            assertThat(file.partition().get(0, Integer.class)).isEqualTo(bucket);
          }
          if (previous != null) {
            assertThat(org.apache.iceberg.types.Comparators.unsignedBytes().compare(previous, key))
                .as("keys sorted")
                .isNegative();
          }
          previous = key;
        }
        ByteBuffer first = (ByteBuffer) records.get(0).get(0);
        ByteBuffer last = (ByteBuffer) records.get(records.size() - 1).get(0);
        assertThat(bound(file.lowerBounds().get(1))).isEqualTo(first);
        assertThat(bound(file.upperBounds().get(1))).isEqualTo(last);
        assertThat(hasKeyBloomFilter(file)).as("entity_key bloom filter").isTrue();
      }
    }
    assertThat(keys).isEqualTo(600);
  }

  @Test
  void everyTypeWrittenAsColumnBatchesReadsAsTheSameRowWrittenWithWrite() {
    IcebergOnlineStore writer = store();
    FeatureView view = ValueTypesTest.allTypes();
    writer.update(List.of(view), List.of());
    Map<String, Object> values = ValueTypesTest.sample();
    writer.write(view, List.of(new OnlineRow(driver(1), values, at(0), at(1))));
    List<Field> columns = new ArrayList<>();
    columns.add(Field.of("driver_id", ValueType.INT64));
    columns.addAll(view.features());
    columns.add(Field.of(OfflineStore.EVENT_TIMESTAMP, ValueType.UNIX_TIMESTAMP));
    columns.add(Field.of(OfflineStore.CREATED_TIMESTAMP, ValueType.UNIX_TIMESTAMP));
    List<Object> full = new ArrayList<>(List.of(2L));
    List<Object> nulls = new ArrayList<>(List.of(3L));
    for (Field feature : view.features()) {
      full.add(values.get(feature.name()));
      nulls.add(null);
    }
    full.addAll(List.of(at(0), at(1)));
    nulls.addAll(Arrays.asList(at(0), null));
    writer.writeBatches(view, List.of(new RowBatch(columns, List.of(full, nulls))).iterator());

    List<String> names = view.features().stream().map(Field::name).toList();
    for (IcebergOnlineStore store : List.of(writer, store())) {
      List<OnlineResult> results =
          store.read(view, List.of(driver(1), driver(2), driver(3)), names);
      assertThat(results.get(1).features()).isEqualTo(results.get(0).features());
      assertThat(results.get(1).eventTimestamp()).isEqualTo(results.get(0).eventTimestamp());
      for (String name : names) {
        assertThat(results.get(1).value(name)).as(name).isEqualTo(values.get(name));
        assertThat(results.get(2).value(name)).as(name).isNull();
      }
    }
  }

  private static List<Record> read(Table table, DataFile file) throws IOException {
    try (CloseableIterable<Record> records =
        Parquet.read(table.io().newInputFile(file.location()))
            .project(table.schema())
            .createReaderFunc(type -> GenericParquetReaders.buildReader(table.schema(), type))
            .build()) {
      List<Record> copies = new ArrayList<>();
      records.forEach(record -> copies.add(record.copy()));
      return copies;
    }
  }

  private static boolean samePartition(StructLike a, StructLike b) {
    for (int i = 0; i < a.size(); i++) {
      if (!java.util.Objects.equals(a.get(i, Object.class), b.get(i, Object.class))) {
        return false;
      }
    }
    return a.size() == b.size();
  }

  private static ByteBuffer bound(ByteBuffer bytes) {
    return Conversions.fromByteBuffer(Types.BinaryType.get(), bytes);
  }

  private static boolean hasKeyBloomFilter(DataFile file) throws IOException {
    String location = file.location();
    java.nio.file.Path path =
        location.startsWith("file:")
            ? java.nio.file.Path.of(java.net.URI.create(location))
            : java.nio.file.Path.of(location);
    try (ParquetFileReader reader =
        ParquetFileReader.open(new org.apache.parquet.io.LocalInputFile(path))) {
      for (BlockMetaData block : reader.getFooter().getBlocks()) {
        for (ColumnChunkMetaData column : block.getColumns()) {
          if (column.getPath().toDotString().equals("entity_key")
              && column.getBloomFilterOffset() < 0) {
            return false;
          }
        }
      }
      return true;
    }
  }
}
