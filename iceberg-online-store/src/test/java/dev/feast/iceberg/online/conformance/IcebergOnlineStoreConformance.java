package dev.feast.iceberg.online.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.catalog.jdbc.JdbcCatalogProviderFactory;
import dev.feast.iceberg.online.IcebergOnlineStoreConfig;
import dev.feast.iceberg.online.IcebergOnlineStoreFactory;
import dev.feast.iceberg.online.PartitionStrategy;
import dev.feast.iceberg.online.ServingMode;
import dev.feast.iceberg.online.TimestampGranularity;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.online.OnlineStore;
import dev.feast.iceberg.testsuite.OnlineStoreConformance;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The Iceberg online store under the online conformance suite, on a JDBC catalog (SQLite), with one
 * partition strategy (and serving mode) per subclass. N7 reads the tables' {@code entity_key}
 * column.
 */
abstract class IcebergOnlineStoreConformance extends OnlineStoreConformance {
  private static final String NAMESPACE = "feast_online";
  private TestPluginContext context;
  private CatalogConfig catalog;
  private Path warehouse;

  /** {@code entity_hash}, {@code timestamp} or {@code hybrid}. */
  abstract PartitionStrategy partitionStrategy();

  /** {@code memory}, or {@code files} for reads that open the data files and hold no state. */
  ServingMode servingMode() {
    return ServingMode.MEMORY;
  }

  @Override
  protected OnlineStore createStore(Path directory) {
    context = closeAfterEach(TestPluginContext.of(directory, new JdbcCatalogProviderFactory()));
    warehouse = directory.resolve("warehouse");
    catalog =
        new CatalogConfig(
            "jdbc",
            "feast",
            Map.of(
                "uri",
                "jdbc:sqlite:" + directory.resolve("catalog.db"),
                "warehouse",
                warehouse.toString()));
    IcebergOnlineStoreConfig config =
        IcebergOnlineStoreConfig.builder(catalog)
            .namespace(NAMESPACE)
            .partitionStrategy(partitionStrategy())
            .partitionBuckets(4)
            .timestampGranularity(TimestampGranularity.HOUR)
            .servingMode(servingMode())
            .build();
    return new IcebergOnlineStoreFactory().create(config, context);
  }

  /**
   * Writes a row, deletes the table's data files behind the store's back, and reads the row again:
   * a store that keeps its own copy of the rows (the in-memory serving state) still answers; one
   * that reads the files cannot.
   */
  Object readWithTheDataFilesGone() throws IOException {
    FeatureView stats = renamed(dataset().driverStats(), "files_gone");
    create(stats);
    store().write(stats, List.of(row(driver(7), Instant.now(), null, "trips_today", 7)));
    assertThat(readAll(stats, List.of(driver(7))).get(0).value("trips_today")).isEqualTo(7);
    try (Stream<Path> files = Files.walk(warehouse)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
        Files.delete(file);
      }
    }
    return readAll(stats, List.of(driver(7))).get(0).value("trips_today");
  }

  @Override
  protected Optional<List<byte[]>> storedEntityKeys(OnlineStore store, FeatureView view) {
    Table table =
        context
            .catalog(catalog)
            .catalog()
            .loadTable(TableIdentifier.of(NAMESPACE, context.project() + "_" + view.name()));
    List<byte[]> keys = new ArrayList<>();
    try (CloseableIterable<Record> records =
        IcebergGenerics.read(table).select("entity_key").build()) {
      for (Record record : records) {
        ByteBuffer key = ((ByteBuffer) record.getField("entity_key")).duplicate();
        byte[] bytes = new byte[key.remaining()];
        key.get(bytes);
        keys.add(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(keys);
  }
}
