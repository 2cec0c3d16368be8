package dev.feast.iceberg.online.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.online.FeatureValue;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import dev.feast.iceberg.spi.online.OnlineStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cold start reads plain number pages straight from the mapped file ({@link MappedPages}): the
 * values and nulls are those parquet-java's page reader gives, for every number column of every row
 * group of a table the store wrote (many 100-row pages per column, nulls scattered); and a new
 * store instance, which builds its state that way, answers every key with the row written last.
 */
class MappedPagesTest {
  private static final Instant BASE = Instant.parse("2024-05-01T10:00:00Z");
  private static final int KEYS = 900;

  private final FeatureView view =
      FeatureView.builder("numbers")
          .entity(Entity.of("driver", "driver_id", ValueType.INT64))
          .source(IcebergSource.of("raw.numbers", "event_timestamp"))
          .feature("f_int32", ValueType.INT32)
          .feature("f_int64", ValueType.INT64)
          .feature("f_double", ValueType.DOUBLE)
          .feature("f_float", ValueType.FLOAT)
          .feature("f_bool", ValueType.BOOL)
          .feature("f_dense", ValueType.INT64)
          .build();

  @TempDir Path dir;
  private ServingStores stores;

  @BeforeEach
  void openCatalog() {
    stores = new ServingStores(dir);
  }

  @AfterEach
  void closeAll() {
    stores.close();
  }

  @Test
  void pagesReadFromTheMappedFileAreThoseParquetsReaderGives() throws IOException {
    write();
    Table table = stores.table(view);
    int compared = 0;
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        MappedInputFile input = new MappedInputFile(Path.of(task.file().location()));
        try (ParquetFileReader reader =
            ParquetFileReader.open(
                input, ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
          PageReadStore pages;
          for (int group = 0; (pages = reader.readNextRowGroup()) != null; group++) {
            int rows = Math.toIntExact(pages.getRowCount());
            for (ColumnDescriptor descriptor :
                reader.getFooter().getFileMetaData().getSchema().getColumns()) {
              ColumnChunkMetaData chunk = chunk(reader, group, descriptor);
              if (!PlainPages.decodes(chunk, descriptor)) {
                continue;
              }
              long[] expected = new long[rows];
              Set<Integer> expectedNulls = new HashSet<>();
              PlainPages.read(
                  pages.getPageReader(descriptor),
                  descriptor,
                  rows,
                  expected,
                  false,
                  expectedNulls::add);
              long[] actual = new long[rows];
              Set<Integer> actualNulls = new HashSet<>();
              PlainPages.read(
                  new MappedPages(input.bytes(), chunk),
                  descriptor,
                  rows,
                  actual,
                  false,
                  actualNulls::add);

              String column = descriptor.getPath()[0];
              assertThat(actualNulls).as(column).isEqualTo(expectedNulls);
              for (int row = 0; row < rows; row++) {
                if (!expectedNulls.contains(row)) {
                  assertThat(actual[row]).as("%s row %d", column, row).isEqualTo(expected[row]);
                }
              }
              compared++;
            }
          }
        }
      }
    }
    // Five number columns, the event and created timestamps, in every file.
    assertThat(compared).isGreaterThanOrEqualTo(7);
  }

  @Test
  void aNewInstanceAnswersEveryKeyWithTheRowWrittenLast() {
    Map<Long, Map<String, Object>> latest = write();

    OnlineStore fresh = stores.store(stores.config);
    List<EntityKey> keys = new ArrayList<>();
    for (long id = 0; id < KEYS; id++) {
      keys.add(EntityKey.of("driver_id", id));
    }
    List<String> names = List.of("f_int32", "f_int64", "f_double", "f_float", "f_bool", "f_dense");
    List<OnlineResult> results = fresh.read(view, keys, names);

    for (long id = 0; id < KEYS; id++) {
      Map<String, Object> written = latest.get(id);
      for (String name : names) {
        Object value = written.get(name);
        assertThat(results.get((int) id).features().get(name))
            .as("driver %d %s", id, name)
            .isEqualTo(FeatureValue.of(value));
      }
    }
  }

  /** Three commits, each a later event time for about half the keys; returns each key's last. */
  private Map<Long, Map<String, Object>> write() {
    OnlineStore writer = stores.store(stores.config);
    writer.update(List.of(view), List.of());
    Random random = new Random(11);
    Map<Long, Map<String, Object>> latest = new HashMap<>();
    for (int batch = 0; batch < 3; batch++) {
      List<OnlineRow> rows = new ArrayList<>();
      for (long id = 0; id < KEYS; id++) {
        if (batch == 0 || random.nextBoolean()) {
          Map<String, Object> values = new HashMap<>();
          values.put("f_int32", nullOr(random, random.nextInt()));
          values.put("f_int64", nullOr(random, random.nextLong()));
          values.put("f_double", nullOr(random, random.nextGaussian()));
          values.put("f_float", nullOr(random, random.nextFloat() - 0.5f));
          values.put("f_bool", nullOr(random, random.nextBoolean()));
          // Never null: its pages take the all-defined shortcut.
          values.put("f_dense", random.nextLong());
          Instant event = BASE.plusSeconds(batch);
          rows.add(new OnlineRow(EntityKey.of("driver_id", id), values, event, null));
          latest.put(id, values);
        }
      }
      writer.write(view, rows);
    }
    return latest;
  }

  private static Object nullOr(Random random, Object value) {
    return random.nextInt(6) == 0 ? null : value;
  }

  private static ColumnChunkMetaData chunk(
      ParquetFileReader reader, int group, ColumnDescriptor descriptor) {
    ColumnPath path = ColumnPath.get(descriptor.getPath());
    for (ColumnChunkMetaData chunk : reader.getRowGroups().get(group).getColumns()) {
      if (chunk.getPath().equals(path)) {
        return chunk;
      }
    }
    throw new AssertionError("No chunk of " + path);
  }
}
