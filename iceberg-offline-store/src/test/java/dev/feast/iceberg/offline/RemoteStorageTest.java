package dev.feast.iceberg.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.common.cache.FileCache;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.ViewSelection;
import dev.feast.iceberg.testservers.S3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tables whose warehouse is on S3 (a real S3 protocol server in this JVM, Iceberg's S3FileIO): data
 * files come through the local file cache, which DuckDB then reads.
 */
class RemoteStorageTest extends StoreTestBase {
  private static S3Server s3;
  private static String bucket;
  private CatalogConfig catalog;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3Server.shared();
    bucket = s3.bucket("feast-offline-" + UUID.randomUUID().toString().substring(0, 8));
  }

  @BeforeEach
  void s3Catalog() {
    Map<String, String> properties = new HashMap<>(s3.fileIoProperties());
    // The store's test class path has the URL-connection HTTP client, not the Apache one.
    properties.put("http-client.type", "urlconnection");
    properties.put("uri", "jdbc:sqlite:" + dir.resolve("catalog.db"));
    properties.put("warehouse", "s3://" + bucket + "/" + UUID.randomUUID() + "/warehouse");
    catalog = new CatalogConfig("jdbc", "feast", properties);
  }

  private OfflineStore s3Store(Path cacheDir, String cacheSize) {
    return new IcebergOfflineStoreFactory()
        .create(
            IcebergOfflineStoreConfig.of(catalog).withCache(cacheDir.toString(), cacheSize),
            context);
  }

  private Table table() {
    return context
        .catalog(catalog)
        .catalog()
        .loadTable(TableIdentifier.parse("feast.driver_stats"));
  }

  @Test
  void retrievesFromS3ThroughTheLocalCacheAndReusesTheCopies() throws Exception {
    Path cacheDir = dir.resolve("s3-cache");
    FeatureView view = driverStats(Duration.ofHours(5));
    try (OfflineStore store = s3Store(cacheDir, "1GB")) {
      store.writeBatch(view, driverRows().add(1L, at(1), at(1), 0.5f, 10).build());
      store.writeBatch(
          view,
          driverRows().add(1L, at(3), at(3), 0.7f, 30).add(2L, at(2), at(2), 0.2f, 20).build());
      assertThat(table().location()).startsWith("s3://" + bucket + "/");
      HistoricalRequest request =
          HistoricalRequest.of(
              EntitySource.of(
                  driverEntities().add(1L, at(2)).add(1L, at(4)).add(2L, at(9)).build()),
              List.of(ViewSelection.all(view)));

      RowSet first = retrieve(store, request);
      FileCache cache = FileCache.shared(cacheDir, 1L << 30);
      long downloads = cache.downloads();
      RowSet second = retrieve(store, request);

      assertThat(first.rows())
          .containsExactly(
              List.of(1L, at(2), 0.5f, 10),
              List.of(1L, at(4), 0.7f, 30),
              Arrays.asList(2L, at(9), null, null));
      assertThat(second.rows()).isEqualTo(first.rows());
      assertThat(downloads).isEqualTo(2);
      assertThat(cache.downloads()).isEqualTo(2);
      assertThat(cache.hits()).isGreaterThanOrEqualTo(2);
      try (var files = Files.list(cacheDir)) {
        assertThat(files).hasSize(2);
      }
    }
  }

  @Test
  void positionDeletesOnS3AreAppliedFromCachedDeleteFiles() throws Exception {
    FeatureView view = driverStats(Duration.ZERO);
    try (OfflineStore store = s3Store(dir.resolve("s3-cache"), "1GB")) {
      store.writeBatch(
          view, driverRows().add(1L, at(1), at(1), 0.1f, 1).add(1L, at(2), at(2), 0.2f, 2).build());
      Table table = table();
      DataFile file = DeletesTest.dataFiles(table).get(0);
      table.newRowDelta().addDeletes(DeletesTest.positionDelete(table, file, 1)).commit();

      RowSet result =
          retrieve(
              store,
              HistoricalRequest.of(
                  EntitySource.of(driverEntities().add(1L, at(3)).build()),
                  List.of(ViewSelection.all(view))));

      assertThat(column(result, "trips")).containsExactly(1);
    }
  }

  @Test
  void theCacheStaysWithinItsBoundAsJobsMoveFromFileToFile() throws Exception {
    Path cacheDir = dir.resolve("small-cache");
    FeatureView view = driverStats(Duration.ofHours(2));
    try (OfflineStore writer = s3Store(dir.resolve("unused-cache"), "1GB")) {
      // One file per day: the table is partitioned by day of the event timestamp.
      for (int day = 0; day < 3; day++) {
        writer.writeBatch(
            view, driverRows().add(1L, at(24 * day), at(24 * day), day * 1f, day).build());
      }
    }
    long largest = 0;
    for (DataFile file : DeletesTest.dataFiles(table())) {
      largest = Math.max(largest, file.fileSizeInBytes());
    }
    String bound = String.valueOf(largest + largest / 2);
    try (OfflineStore store = s3Store(cacheDir, bound)) {
      FileCache cache = FileCache.shared(cacheDir, Long.parseLong(bound));
      for (int day = 0; day < 3; day++) {
        HistoricalRequest request =
            HistoricalRequest.of(
                EntitySource.of(driverEntities().add(1L, at(24 * day, 30)).build()),
                List.of(ViewSelection.all(view)));
        try (RetrievalJob job = store.getHistoricalFeatures(request)) {
          assertThat(column(job.toRowSet(), "trips")).containsExactly(day);
          assertThat(job.metadata().filesScanned()).isEqualTo(1);
        }
        assertThat(cache.sizeBytes()).isLessThanOrEqualTo(Long.parseLong(bound));
      }

      assertThat(cache.downloads()).isEqualTo(3);
      assertThat(cache.evictions()).isEqualTo(2);
      assertThat(cache.fileCount()).isEqualTo(1);
    }
  }
}
