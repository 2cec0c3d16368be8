package dev.feast.iceberg.offline;

import dev.feast.iceberg.catalog.jdbc.JdbcCatalogProviderFactory;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh SQLite catalog and warehouse per test, stores made through the factory. */
abstract class StoreTestBase {
  static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");
  static final Entity DRIVER = Entity.of("driver", "driver_id", ValueType.INT64);
  static final Entity CUSTOMER = Entity.of("customer", "customer_id", ValueType.STRING);

  @TempDir Path dir;
  TestPluginContext context;
  private final List<OfflineStore> stores = new ArrayList<>();

  @BeforeEach
  void openContext() {
    context = new TestPluginContext("test", dir, List.of(new JdbcCatalogProviderFactory()));
  }

  @AfterEach
  void closeContext() {
    stores.forEach(OfflineStore::close);
    context.close();
  }

  OfflineStore store(boolean pruning) {
    OfflineStore store =
        new IcebergOfflineStoreFactory()
            .create(
                IcebergOfflineStoreConfig.of(TestPluginContext.sqliteCatalog(context.repoPath()))
                    .withPruning(pruning)
                    .withCache(dir.resolve("cache").toString(), "1GB"),
                context);
    stores.add(store);
    return store;
  }

  static Instant at(int hours) {
    return T0.plus(Duration.ofHours(hours));
  }

  static Instant at(int hours, int minutes) {
    return at(hours).plus(Duration.ofMinutes(minutes));
  }

  static RowSet retrieve(OfflineStore store, HistoricalRequest request) {
    try (RetrievalJob job = store.getHistoricalFeatures(request)) {
      return job.toRowSet();
    }
  }

  /** driver_stats: conv_rate (float) and trips (int) per driver, with a created column. */
  static FeatureView driverStats(Duration ttl) {
    return FeatureView.builder("driver_stats")
        .entity(DRIVER)
        .feature("conv_rate", ValueType.FLOAT)
        .feature("trips", ValueType.INT32)
        .ttl(ttl)
        .source(IcebergSource.of("feast.driver_stats", "event_ts", "created"))
        .build();
  }

  /** Source rows of {@link #driverStats}: driver_id, event_ts, created, conv_rate, trips. */
  static RowSet.Builder driverRows() {
    return RowSet.builder(
        Field.of("driver_id", ValueType.INT64),
        Field.of("event_ts", ValueType.UNIX_TIMESTAMP),
        Field.of("created", ValueType.UNIX_TIMESTAMP),
        Field.of("conv_rate", ValueType.FLOAT),
        Field.of("trips", ValueType.INT32));
  }

  /** Entity rows: driver_id and event_timestamp. */
  static RowSet.Builder driverEntities() {
    return RowSet.builder(
        Field.of("driver_id", ValueType.INT64),
        Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP));
  }

  /** The values of one column, in row order. */
  static List<Object> column(RowSet rows, String name) {
    List<Object> values = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      values.add(rows.get(r, name));
    }
    return values;
  }
}
