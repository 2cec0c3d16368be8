package dev.feast.iceberg.online.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.online.ServingMode;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import dev.feast.iceberg.spi.online.OnlineStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows read straight from the page bytes of a table's files ({@link PlainRows}) are the rows
 * Iceberg's reader gives (as {@link TableRecords#fromRecord} converts them), value for value, for
 * every scalar type, nulls included, for every key of every file (the first and last rows of pages
 * included); a store serving from files answers as one serving from memory; a view with list
 * features is read by Iceberg's reader.
 */
class PlainRowsTest {
  private static final Instant BASE = Instant.parse("2024-05-01T10:00:00.123456Z");
  private static final int KEYS = 700;

  @TempDir Path dir;
  private ServingStores stores;

  private final FeatureView scalars =
      view("scalars")
          .feature("f_bytes", ValueType.BYTES)
          .feature("f_string", ValueType.STRING)
          .feature("f_int32", ValueType.INT32)
          .feature("f_int64", ValueType.INT64)
          .feature("f_double", ValueType.DOUBLE)
          .feature("f_float", ValueType.FLOAT)
          .feature("f_bool", ValueType.BOOL)
          .feature("f_unix_timestamp", ValueType.UNIX_TIMESTAMP)
          .build();
  private final FeatureView lists =
      view("lists")
          .feature("f_int64", ValueType.INT64)
          .feature("f_string_list", ValueType.STRING_LIST)
          .build();

  @BeforeEach
  void openCatalog() {
    stores = new ServingStores(dir);
  }

  @AfterEach
  void closeAll() {
    stores.close();
  }

  @Test
  void rowsReadFromPageBytesAreTheRowsIcebergsReaderGives() throws IOException {
    write(scalars, this::scalarValues);
    Table table = stores.table(scalars);
    FeatureColumns columns = FeatureColumns.of(table.schema());
    int files = 0;
    int checked = 0;
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        MappedInputFile input = new MappedInputFile(Path.of(task.file().location()));
        PagedFile paged = PageRows.describe(input);
        PlainRows.Layout layout = PlainRows.layout(paged, table.schema(), columns);
        assertThat(layout).as("layout of %s", task.file().location()).isNotNull();
        assertThat(paged.groups().get(0).keyOffsets().getPageCount())
            .as("pages of %s", task.file().location())
            .isGreaterThan(1);
        long sequence = TaskRows.sequence(task.file());

        Map<ByteBuffer, StoredRow> expected = new LinkedHashMap<>();
        try (CloseableIterable<Record> records =
            TaskRows.open(table, task.file(), table.schema(), null)) {
          for (Record record : records) {
            StoredRow row = TableRecords.fromRecord(columns, record, sequence);
            expected.merge(TableRecords.key(record), row, StoredRow::latest);
          }
        }
        Map<ByteBuffer, StoredRow> actual = new HashMap<>();
        PlainRows.read(
            input.bytes(),
            paged,
            layout,
            columns,
            expected.keySet(),
            sequence,
            (key, row) -> actual.merge(key, row, StoredRow::latest));

        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (Map.Entry<ByteBuffer, StoredRow> entry : expected.entrySet()) {
          assertSameRow(actual.get(entry.getKey()), entry.getValue(), columns);
          checked++;
        }
        files++;
      }
    }
    assertThat(files).isPositive();
    assertThat(checked).isGreaterThanOrEqualTo(KEYS);
  }

  @Test
  void aStoreServingFromFilesAnswersAsOneServingFromMemory() {
    write(scalars, this::scalarValues);
    write(lists, this::listValues);
    Table table = stores.table(lists);
    assertThat(anyLayout(table)).as("a view with lists goes to Iceberg's reader").isFalse();

    OnlineStore memory = stores.store(stores.config);
    OnlineStore files = stores.store(stores.config.withServingMode(ServingMode.FILES));
    List<EntityKey> keys = new ArrayList<>();
    for (long id = -3; id < KEYS + 3; id++) {
      keys.add(EntityKey.of("driver_id", id));
    }
    Collections.shuffle(keys, new Random(3));
    for (FeatureView view : List.of(scalars, lists)) {
      List<String> names = new ArrayList<>();
      view.features().forEach(feature -> names.add(feature.name()));
      List<OnlineResult> expected = memory.read(view, keys, names);
      assertThat(expected).extracting(OnlineResult::found).contains(true, false);
      for (int from = 0; from < keys.size(); from += 100) {
        List<EntityKey> asked = keys.subList(from, Math.min(keys.size(), from + 100));
        assertThat(files.read(view, asked, names))
            .as("%s keys %d..", view.name(), from)
            .isEqualTo(expected.subList(from, from + asked.size()));
      }
      EntityKey one = keys.get(7);
      assertThat(files.read(view, List.of(one), names)).containsExactly(expected.get(7));
    }
  }

  private static void assertSameRow(StoredRow actual, StoredRow expected, FeatureColumns columns) {
    assertThat(actual).isNotNull();
    assertThat(actual.eventTimestamp()).isEqualTo(expected.eventTimestamp());
    assertThat(actual.createdTimestamp()).isEqualTo(expected.createdTimestamp());
    assertThat(actual.replaces(expected)).isTrue();
    assertThat(expected.replaces(actual)).isTrue();
    for (int i = 0; i < columns.size(); i++) {
      Object value = actual.value(i);
      assertThat(value).as("column %d", i).isEqualTo(expected.value(i));
      if (value != null) {
        assertThat(value.getClass()).isEqualTo(expected.value(i).getClass());
      }
    }
  }

  private boolean anyLayout(Table table) {
    FeatureColumns columns = FeatureColumns.of(table.schema());
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        PagedFile paged = PageRows.describe(new MappedInputFile(Path.of(task.file().location())));
        if (PlainRows.layout(paged, table.schema(), columns) != null) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every key in three commits, most keys again in later ones, some of their values null. */
  private void write(FeatureView view, ValuesOf values) {
    OnlineStore writer = stores.store(stores.config);
    writer.update(List.of(view), List.of());
    Random random = new Random(view.name().hashCode());
    for (int batch = 0; batch < 3; batch++) {
      List<OnlineRow> rows = new ArrayList<>();
      for (long id = 0; id < KEYS; id++) {
        if (batch == 0 || random.nextInt(10) < 5) {
          Instant event = BASE.plusSeconds(random.nextInt(5));
          Instant created = random.nextBoolean() ? null : BASE.plusNanos(random.nextInt(3) * 1000L);
          rows.add(
              new OnlineRow(EntityKey.of("driver_id", id), values.of(random, id), event, created));
        }
      }
      writer.write(view, rows);
    }
  }

  private Map<String, Object> scalarValues(Random random, long id) {
    Map<String, Object> values = new HashMap<>();
    values.put("f_bytes", nullOr(random, ByteBuffer.wrap(new byte[] {(byte) id, 0, -1})));
    values.put("f_string", nullOr(random, random.nextBoolean() ? "héllo " + id : ""));
    values.put("f_int32", nullOr(random, random.nextInt()));
    values.put("f_int64", nullOr(random, random.nextLong()));
    values.put("f_double", nullOr(random, random.nextGaussian()));
    values.put("f_float", nullOr(random, -random.nextFloat()));
    values.put("f_bool", nullOr(random, random.nextBoolean()));
    values.put("f_unix_timestamp", nullOr(random, BASE.minusSeconds(id).plusNanos(id * 1000)));
    return values;
  }

  private Map<String, Object> listValues(Random random, long id) {
    Map<String, Object> values = new HashMap<>();
    values.put("f_int64", nullOr(random, id));
    values.put("f_string_list", nullOr(random, List.of("a" + id, "")));
    return values;
  }

  private static Object nullOr(Random random, Object value) {
    return random.nextInt(8) == 0 ? null : value;
  }

  private static FeatureView.Builder view(String name) {
    return FeatureView.builder(name)
        .entity(Entity.of("driver", "driver_id", ValueType.INT64))
        .ttl(Duration.ZERO)
        .source(IcebergSource.of("raw." + name, "event_timestamp", "created"));
  }

  private interface ValuesOf {
    Map<String, Object> of(Random random, long id);
  }
}
