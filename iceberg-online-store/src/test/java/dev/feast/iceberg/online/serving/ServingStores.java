package dev.feast.iceberg.online.serving;

import dev.feast.iceberg.catalog.jdbc.JdbcCatalogProviderFactory;
import dev.feast.iceberg.online.IcebergOnlineStoreConfig;
import dev.feast.iceberg.online.IcebergOnlineStoreFactory;
import dev.feast.iceberg.online.PartitionStrategy;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.online.OnlineStore;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * The stores of a serving test: an Iceberg JDBC catalog on SQLite in a folder, {@code entity_hash}
 * over two buckets (a few hundred keys make files of several pages), refreshed on every read; the
 * stores it made are closed with it.
 */
final class ServingStores implements AutoCloseable {
  final TestPluginContext context;
  final IcebergOnlineStoreConfig config;
  private final List<OnlineStore> stores = new ArrayList<>();

  ServingStores(Path dir) {
    context = new TestPluginContext("test", dir, List.of(new JdbcCatalogProviderFactory()));
    config =
        IcebergOnlineStoreConfig.builder(TestPluginContext.sqliteCatalog(dir))
            .partitionStrategy(PartitionStrategy.ENTITY_HASH)
            .partitionBuckets(2)
            .refreshIntervalMs(0L)
            .build();
  }

  /** A new store instance on {@code storeConfig}. */
  OnlineStore store(IcebergOnlineStoreConfig storeConfig) {
    OnlineStore store = new IcebergOnlineStoreFactory().create(storeConfig, context);
    stores.add(store);
    return store;
  }

  /** The online table of {@code view}. */
  Table table(FeatureView view) {
    return context
        .catalog(config.catalog())
        .catalog()
        .loadTable(TableIdentifier.of("feast_online", "test_" + view.name()));
  }

  @Override
  public void close() {
    stores.forEach(OnlineStore::close);
    context.close();
  }
}
