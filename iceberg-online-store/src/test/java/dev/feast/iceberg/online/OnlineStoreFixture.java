package dev.feast.iceberg.online;

import dev.feast.iceberg.catalog.jdbc.JdbcCatalogProviderFactory;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.online.OnlineRow;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A JDBC catalog on SQLite in a temporary folder, and stores on it closed after each test. */
abstract class OnlineStoreFixture {
  static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  static final Entity DRIVER = Entity.of("driver", "driver_id", ValueType.INT64);
  static final Entity CUSTOMER = Entity.of("customer", "customer_id", ValueType.STRING);

  @TempDir Path dir;
  TestPluginContext context;
  CatalogConfig catalogConfig;
  private final List<IcebergOnlineStore> stores = new ArrayList<>();

  @BeforeEach
  void openCatalog() {
    context = new TestPluginContext("test", dir, List.of(new JdbcCatalogProviderFactory()));
    catalogConfig = TestPluginContext.sqliteCatalog(dir);
  }

  @AfterEach
  void closeAll() {
    stores.forEach(IcebergOnlineStore::close);
    context.close();
  }

  /** A store with defaults but a refresh interval of one hour: only its own writes show. */
  IcebergOnlineStore store() {
    return store(config("entity_hash", 3_600_000L, null), Clock.systemUTC());
  }

  IcebergOnlineStore store(IcebergOnlineStoreConfig config, Clock clock) {
    IcebergOnlineStore store =
        new IcebergOnlineStore(
            config, context.catalog(config.catalog()), context.project(), clock, System::nanoTime);
    stores.add(store);
    return store;
  }

  IcebergOnlineStoreConfig config(String strategy, Long refreshIntervalMs, String ttlMode) {
    return IcebergOnlineStoreConfig.builder(catalogConfig)
        .partitionStrategy(option(PartitionStrategy.class, strategy))
        .partitionBuckets(4)
        .timestampGranularity(TimestampGranularity.HOUR)
        .ttlMode(option(TtlMode.class, ttlMode))
        .refreshIntervalMs(refreshIntervalMs)
        .build();
  }

  /** The constant of a setting as the tests name it ({@code "entity_hash"}), or null. */
  static <E extends Enum<E>> E option(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name.toUpperCase(java.util.Locale.ROOT));
  }

  Catalog catalog() {
    return context.catalog(catalogConfig).catalog();
  }

  Table table(String view) {
    return catalog().loadTable(TableIdentifier.of("feast_online", "test_" + view));
  }

  static FeatureView driverStats() {
    return FeatureView.builder("driver_stats")
        .entity(DRIVER)
        .feature("conv_rate", ValueType.FLOAT)
        .feature("trips", ValueType.INT32)
        .feature("rating", ValueType.DOUBLE)
        .ttl(Duration.ZERO)
        .source(IcebergSource.of("raw.driver_stats", "event_timestamp", "created"))
        .build();
  }

  static FeatureView view(String name, Entity entity, Duration ttl) {
    FeatureView.Builder builder =
        FeatureView.builder(name)
            .feature("value", ValueType.INT64)
            .ttl(ttl)
            .source(IcebergSource.of("raw." + name, "event_timestamp"));
    if (entity != null) {
      builder.entity(entity);
    }
    return builder.build();
  }

  static EntityKey driver(long id) {
    return EntityKey.of("driver_id", id);
  }

  static OnlineRow row(EntityKey key, Instant event, Instant created, Object... nameValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      values.put((String) nameValues[i], nameValues[i + 1]);
    }
    return new OnlineRow(key, values, event, created);
  }

  static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }
}
