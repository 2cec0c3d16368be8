package dev.feast.iceberg.spark.materialize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.materialize.MaterializationEngine;
import dev.feast.iceberg.spi.materialize.MaterializationListener;
import dev.feast.iceberg.spi.materialize.MaterializationStores;
import dev.feast.iceberg.spi.materialize.MaterializationTask;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineStore;
import dev.feast.iceberg.testsuite.Dataset;
import dev.feast.iceberg.testsuite.Materialization;
import dev.feast.iceberg.testsuite.Oracle;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Types;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The same offline data materialized by the local engine and by the Spark engine (local[2]) into
 * two online stores reads the same, key by key, for every view of the conformance dataset; the
 * Spark engine's files have the online store's layout; a job that fails midway commits nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class SparkEngineEqualityTest {
  private Path directory;
  private SparkSession spark;
  private TestPluginContext context;
  private OfflineStore offline;
  private Dataset dataset;

  @BeforeAll
  void writeDataset() throws IOException {
    directory = Files.createTempDirectory("feast-engine-equality");
    spark = startSpark(directory);
    context = EngineFixture.context(directory);
    offline = EngineFixture.offlineStore(context, directory.resolve("offline"));
    dataset = Dataset.endingNow(Dataset.SourceFactory.iceberg(Dataset.NAMESPACE));
    for (FeatureView view : dataset.views().values()) {
      for (RowSet batch : dataset.batches(view)) {
        offline.writeBatch(view, batch);
      }
    }
  }

  /**
   * The session the Spark engine finds running and uses: the JVM's shared {@code local[2]} one
   * here; the shared standalone cluster's in the cluster IT.
   */
  protected SparkSession startSpark(Path folder) {
    return EngineFixture.localSpark();
  }

  /** The session the engines run on. */
  protected final SparkSession spark() {
    return spark;
  }

  @AfterAll
  void close() throws Exception {
    try (TestPluginContext opened = context) {
      offline.close();
    } finally {
      // The session is shared with the module's other test classes: it stays running.
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  @Test
  void bothEnginesGiveTheSameOnlineAnswersForEveryKey() {
    List<FeatureView> views = List.copyOf(dataset.views().values());
    try (Side local = new Side("local", views);
        Side onSpark = new Side("spark", views)) {
      for (FeatureView view : views) {
        MaterializationTask task = new MaterializationTask(view, dataset.start(), dataset.end());
        long localRows = local.engine.materialize(task, MaterializationListener.NONE).rows();
        long sparkRows = onSpark.engine.materialize(task, MaterializationListener.NONE).rows();
        assertThat(sparkRows).as("%s rows", view.name()).isEqualTo(localRows);
      }
      for (FeatureView view : views) {
        List<EntityKey> keys = keys(view);
        List<String> features = view.features().stream().map(Field::name).toList();
        List<OnlineResult> expected = local.online.read(view, keys, features);
        List<OnlineResult> actual = onSpark.online.read(view, keys, features);
        assertThat(actual)
            .as("%s, %d keys", view.name(), keys.size())
            .usingRecursiveComparison()
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void sparkFilesHaveTheOnlineStoresLayout() throws IOException {
    FeatureView view = dataset.driverStats();
    try (Side onSpark = new Side("layout", List.of(view))) {
      onSpark.engine.materialize(
          new MaterializationTask(view, dataset.start(), dataset.end()),
          MaterializationListener.NONE);
      Table table = onSpark.table(view);
      assertThat(table.currentSnapshot().summary())
          .containsEntry("added-data-files", Integer.toString(count(table)));
      int keyId = table.schema().findField("entity_key").fieldId();
      try (CloseableIterable<FileScanTask> tasks =
          table.newScan().includeColumnStats().planFiles()) {
        for (FileScanTask task : tasks) {
          DataFile file = task.file();
          assertThat(file.specId()).isEqualTo(table.spec().specId());
          // Full bounds: a whole serialized key (a 16-byte prefix would not deserialize).
          ByteBuffer lower =
              Conversions.fromByteBuffer(Types.BinaryType.get(), file.lowerBounds().get(keyId));
          ByteBuffer upper =
              Conversions.fromByteBuffer(Types.BinaryType.get(), file.upperBounds().get(keyId));
          assertThat(EntityKey.deserialize(bytes(lower)).joinKeys()).containsExactly("driver_id");
          assertThat(EntityKey.deserialize(bytes(upper)).joinKeys()).containsExactly("driver_id");
          assertThat(task.partition().get(0, Integer.class))
              .as("the bucket of %s", file.location())
              .isEqualTo(
                  org.apache.iceberg.transforms.Transforms.<ByteBuffer>bucket(16)
                      .bind(Types.BinaryType.get())
                      .apply(lower));
          try (ParquetFileReader reader =
              ParquetFileReader.open(
                  HadoopInputFile.fromPath(
                      new org.apache.hadoop.fs.Path(file.location()),
                      new org.apache.hadoop.conf.Configuration()))) {
            for (BlockMetaData block : reader.getFooter().getBlocks()) {
              ColumnChunkMetaData key = block.getColumns().get(0);
              assertThat(key.getPath().toDotString()).isEqualTo("entity_key");
              assertThat(reader.readBloomFilter(key)).as("bloom filter on entity_key").isNotNull();
            }
          }
          assertThat(keysOf(table, file))
              .as("keys of %s", file.location())
              .isSortedAccordingTo((a, b) -> java.util.Arrays.compareUnsigned(a, b))
              .doesNotHaveDuplicates();
        }
      }
    }
  }

  @Test
  void aJobThatFailsMidwayCommitsNothing() throws IOException {
    // A feature declared INT64 whose source column holds strings: the executors fail converting.
    FeatureView stats = dataset.driverStats();
    Field text =
        stats.features().stream()
            .filter(f -> f.type() == ValueType.STRING)
            .findFirst()
            .orElseThrow();
    List<Field> features =
        stats.features().stream()
            .map(f -> f == text ? Field.of(f.name(), ValueType.INT64) : f)
            .toList();
    FeatureView broken =
        new FeatureView(
            "broken_stats",
            stats.entities(),
            stats.entityColumns(),
            features,
            stats.ttl(),
            stats.source(),
            true,
            "",
            Map.of());
    try (Side onSpark = new Side("broken", List.of(broken))) {
      assertThatThrownBy(
              () ->
                  onSpark.engine.materialize(
                      new MaterializationTask(broken, dataset.start(), dataset.end()),
                      MaterializationListener.NONE))
          .hasStackTraceContaining("ClassCastException");
      Table table = onSpark.table(broken);
      assertThat(table.currentSnapshot()).as("no commit").isNull();
      try (Stream<Path> files = Files.walk(Path.of(table.location()))) {
        assertThat(files.filter(f -> f.toString().endsWith(".parquet")).toList())
            .as("no data file left behind")
            .isEmpty();
      }
    }
  }

  private static int count(Table table) throws IOException {
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      int n = 0;
      for (FileScanTask ignored : tasks) {
        n++;
      }
      return n;
    }
  }

  /** The entity keys of a data file, in file order. */
  private static List<byte[]> keysOf(Table table, DataFile file) throws IOException {
    org.apache.iceberg.Schema keyOnly = table.schema().select("entity_key");
    List<byte[]> keys = new ArrayList<>();
    try (CloseableIterable<org.apache.iceberg.data.Record> records =
        org.apache.iceberg.parquet.Parquet.read(table.io().newInputFile(file.location()))
            .project(keyOnly)
            .createReaderFunc(
                schema ->
                    org.apache.iceberg.data.parquet.GenericParquetReaders.buildReader(
                        keyOnly, schema))
            .build()) {
      for (org.apache.iceberg.data.Record record : records) {
        keys.add(bytes((ByteBuffer) record.getField("entity_key")));
      }
    }
    return keys;
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }

  /** Every key the dataset holds for a view, and one it does not. */
  private List<EntityKey> keys(FeatureView view) {
    RowSet source = dataset.sourceRows().get(view.source().name());
    List<EntityKey> keys =
        new ArrayList<>(
            Oracle.latestOnline(
                    Materialization.onlineRows(
                        view, Oracle.pullLatest(view, source, dataset.start(), dataset.end())))
                .keySet());
    if (!view.joinKeys().isEmpty()) {
      Map<String, Object> unknown = new java.util.LinkedHashMap<>();
      view.entityColumns().forEach(f -> unknown.put(f.name(), 424_242L));
      keys.add(EntityKey.of(unknown));
    }
    return keys;
  }

  /** An online store of its own, with its views applied, and an engine writing to it. */
  private final class Side implements AutoCloseable {
    final Path folder;
    final TestPluginContext onlineContext;
    final OnlineStore online;
    final MaterializationEngine engine;

    Side(String name, List<FeatureView> views) {
      folder = directory.resolve(name);
      onlineContext = EngineFixture.context(folder);
      online = EngineFixture.onlineStore(onlineContext, folder);
      online.update(views, List.of());
      MaterializationStores stores =
          new MaterializationStores(
              offline,
              EngineFixture.offlineConfig(directory.resolve("offline")),
              online,
              EngineFixture.onlineConfig(folder),
              1000);
      engine =
          name.equals("local")
              ? EngineFixture.localEngine(onlineContext, stores)
              : EngineFixture.sparkEngine(onlineContext, stores, Map.of());
    }

    Table table(FeatureView view) {
      return onlineContext
          .catalog(EngineFixture.catalog(folder))
          .catalog()
          .loadTable(TableIdentifier.of("feast_online", "conformance_" + view.name()));
    }

    @Override
    public void close() {
      engine.close();
      online.close();
      onlineContext.close();
    }
  }
}
