package dev.feast.iceberg.benchmarks.online;

import dev.feast.iceberg.online.IcebergOnlineStoreConfig;
import dev.feast.iceberg.online.IcebergOnlineStoreFactory;
import dev.feast.iceberg.online.PartitionStrategy;
import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import dev.feast.iceberg.spi.online.OnlineStore;
import dev.feast.iceberg.testservers.S3Server;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Reads past the memory budget: a store whose view is past {@code serving_max_keys} reads the
 * table's files, on a local warehouse (warm OS cache) and on an S3 server (s3proxy in this JVM,
 * Iceberg's S3FileIO, remote files read from the store's local file cache). Figures: the first read
 * of a new store instance (plans the snapshot's files), then p50/p99 of 1-key and 100-key reads of
 * every feature.
 */
final class FileReads {
  /**
   * The figures of one warehouse, and how many keys' answers were compared value by value with
   * another store's (0 when none was given).
   */
  record Figures(String where, double firstMs, Latencies one, Latencies hundred, int compared) {}

  private static final int COMPARED_ROUNDS = 20;

  private final FeatureView view;
  private final List<EntityKey> keys;
  private final List<String> features;
  private final int reads;
  private long sink;

  FileReads(FeatureView view, List<EntityKey> keys, List<String> features, int reads) {
    this.view = view;
    this.keys = keys;
    this.features = features;
    this.reads = reads;
  }

  long sink() {
    return sink;
  }

  /**
   * Reads through a new store instance past its memory budget on the catalog of {@code base}; then,
   * untimed, checks that it answers as {@code memory} (a store serving the same table from its
   * in-memory state; null for none) for random keys, every value and event timestamp.
   */
  Figures measure(
      String where, IcebergOnlineStoreConfig base, TestPluginContext context, OnlineStore memory) {
    try (OnlineStore files =
        new IcebergOnlineStoreFactory().create(base.withServingLimits(null, 1L), context)) {
      long started = System.nanoTime();
      consume(files.read(view, keys.subList(0, 1), features));
      double firstMs = (System.nanoTime() - started) / 1e6;
      SplittableRandom random = new SplittableRandom(99);
      Latencies one = new Latencies(where + ", 1 key", reads);
      Latencies hundred = new Latencies(where + ", 100 keys", reads);
      // The first quarter warms up the code paths (JIT), as the warm reads do.
      int warmup = Math.max(1, reads / 4);
      for (int i = 0; i < warmup + reads; i++) {
        List<EntityKey> asked = List.of(keys.get(random.nextInt(keys.size())));
        long t0 = System.nanoTime();
        consume(files.read(view, asked, features));
        if (i >= warmup) {
          one.record(System.nanoTime() - t0);
        }
      }
      for (int i = 0; i < warmup + reads; i++) {
        List<EntityKey> asked = randomKeys(random, 100);
        long t0 = System.nanoTime();
        consume(files.read(view, asked, features));
        if (i >= warmup) {
          hundred.record(System.nanoTime() - t0);
        }
      }
      int compared = memory == null ? 0 : compare(files, memory, where);
      return new Figures(where, firstMs, one, hundred, compared);
    }
  }

  /**
   * Both stores answer the same for {@value #COMPARED_ROUNDS} reads of 100 random keys; adds a hash
   * of every value read to the checksum; returns the keys compared.
   */
  private int compare(OnlineStore files, OnlineStore memory, String where) {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < COMPARED_ROUNDS; round++) {
      List<EntityKey> asked = randomKeys(random, 100);
      List<OnlineResult> fromFiles = files.read(view, asked, features);
      List<OnlineResult> fromMemory = memory.read(view, asked, features);
      for (int i = 0; i < asked.size(); i++) {
        OnlineResult f = fromFiles.get(i);
        OnlineResult m = fromMemory.get(i);
        if (!Objects.equals(f.features(), m.features())
            || !Objects.equals(f.eventTimestamp(), m.eventTimestamp())) {
          throw new IllegalStateException(
              "Key "
                  + asked.get(i)
                  + ": "
                  + where
                  + " files answer "
                  + f.features()
                  + " at "
                  + f.eventTimestamp()
                  + ", the in-memory state "
                  + m.features()
                  + " at "
                  + m.eventTimestamp());
        }
        sink += f.features().hashCode();
      }
    }
    return COMPARED_ROUNDS * 100;
  }

  /**
   * Writes the same rows to a table on the S3 server (entity {@code i} gets {@code values(i)}),
   * then measures reads from its files and checks that they answer as {@code local} does.
   */
  Figures onS3(
      TestPluginContext context,
      Path dir,
      IntFunction<Map<String, Object>> values,
      int batch,
      IcebergOnlineStoreConfig local) {
    S3Server s3 = S3Server.shared();
    String bucket = s3.bucket("feast-benchmark-" + UUID.randomUUID().toString().substring(0, 8));
    Map<String, String> properties = new HashMap<>(s3.fileIoProperties());
    properties.put("http-client.type", "urlconnection");
    properties.put("uri", "jdbc:sqlite:" + dir.resolve("s3-catalog.db"));
    properties.put("warehouse", "s3://" + bucket + "/warehouse");
    IcebergOnlineStoreConfig config =
        IcebergOnlineStoreConfig.builder(new CatalogConfig("jdbc", "s3bench", properties))
            .partitionStrategy(PartitionStrategy.ENTITY_HASH)
            .partitionBuckets(16)
            .refreshIntervalMs(1000L)
            .build();
    try (OnlineStore writer = new IcebergOnlineStoreFactory().create(config, context)) {
      writer.update(List.of(view), List.of());
      for (int from = 0; from < keys.size(); from += batch) {
        int to = Math.min(keys.size(), from + batch);
        List<OnlineRow> rows = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
          rows.add(
              new OnlineRow(
                  keys.get(i), values.apply(i), OnlineBenchmark.BASE, OnlineBenchmark.BASE));
        }
        writer.write(view, rows);
      }
    }
    Figures figures = measure("s3proxy", config, context, null);
    checkSame(local, config, context);
    return figures;
  }

  /**
   * Both stores read from their files answer the same for random keys: the S3 table holds the batch
   * rows of the local one (the local one also has later updates of some keys, so only the keys of
   * rows both hold are compared: those the local store's read reports at BASE time).
   */
  private void checkSame(
      IcebergOnlineStoreConfig local, IcebergOnlineStoreConfig s3, TestPluginContext context) {
    IcebergOnlineStoreFactory factory = new IcebergOnlineStoreFactory();
    try (OnlineStore a = factory.create(local.withServingLimits(null, 1L), context);
        OnlineStore b = factory.create(s3.withServingLimits(null, 1L), context)) {
      List<EntityKey> asked = randomKeys(new SplittableRandom(5), 100);
      List<OnlineResult> fromLocal = a.read(view, asked, features);
      List<OnlineResult> fromS3 = b.read(view, asked, features);
      for (int i = 0; i < asked.size(); i++) {
        OnlineResult l = fromLocal.get(i);
        if (OnlineBenchmark.BASE.equals(l.eventTimestamp())
            && !Objects.equals(l.features(), fromS3.get(i).features())) {
          throw new IllegalStateException(
              "Key "
                  + asked.get(i)
                  + ": local files answer "
                  + l.features()
                  + ", S3 files answer "
                  + fromS3.get(i).features());
        }
      }
    }
  }

  private List<EntityKey> randomKeys(SplittableRandom random, int count) {
    List<EntityKey> asked = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      asked.add(keys.get(random.nextInt(keys.size())));
    }
    return asked;
  }

  private void consume(List<OnlineResult> results) {
    for (OnlineResult result : results) {
      sink += result.features().size();
    }
  }
}
