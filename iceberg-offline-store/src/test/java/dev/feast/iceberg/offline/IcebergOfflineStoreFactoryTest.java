package dev.feast.iceberg.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.OfflineStoreFactory;
import dev.feast.iceberg.spi.offline.ViewSelection;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Discovery and configuration defaults. */
class IcebergOfflineStoreFactoryTest extends StoreTestBase {

  @Test
  void isFoundByServiceLoaderUnderTypeIceberg() {
    assertThat(ServiceLoader.load(OfflineStoreFactory.class))
        .anySatisfy(
            factory -> {
              assertThat(factory.type()).isEqualTo("iceberg");
              assertThat(factory.configClass()).isEqualTo(IcebergOfflineStoreConfig.class);
            });
  }

  @Test
  void configGivesDefaultsToMissingKeys() {
    IcebergOfflineStoreConfig config = IcebergOfflineStoreConfig.of(null);

    assertThat(config.catalog()).isEqualTo(IcebergOfflineStoreConfig.DEFAULT_CATALOG);
    assertThat(config.catalog().type()).isEqualTo("jdbc");
    assertThat(config.duckdbMemoryLimit()).isEmpty();
    assertThat(config.duckdbThreads()).isZero();
    assertThat(config.duckdbTempDirectory()).isEmpty();
    assertThat(config.pruning()).isTrue();
  }

  @Test
  void negativeThreadsAreRejected() {
    assertThatThrownBy(() -> IcebergOfflineStoreConfig.of(null).withDuckDb("", -1, ""))
        .hasMessageContaining("duckdb_threads");
  }

  @Test
  void aMemoryLimitThatIsNotASizeIsAConfigError() {
    IcebergOfflineStoreConfig config =
        IcebergOfflineStoreConfig.of(TestPluginContext.sqliteCatalog(context.repoPath()))
            .withDuckDb("lots", 2, "spill");

    assertThatThrownBy(() -> new IcebergOfflineStoreFactory().create(config, context))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("lots");
  }

  @Test
  void createsAWorkingStoreWithDuckDbSettings() {
    IcebergOfflineStoreConfig config =
        IcebergOfflineStoreConfig.of(TestPluginContext.sqliteCatalog(context.repoPath()))
            .withDuckDb("512MB", 2, "spill")
            .withPruning(false);
    try (OfflineStore store = new IcebergOfflineStoreFactory().create(config, context)) {
      FeatureView view = driverStats(Duration.ZERO);
      store.writeBatch(view, driverRows().add(1L, at(1), at(1), 1.0f, 7).build());
      RowSet result =
          retrieve(
              store,
              HistoricalRequest.of(
                  EntitySource.of(driverEntities().add(1L, at(2)).build()),
                  List.of(ViewSelection.all(view))));

      assertThat(column(result, "trips")).containsExactly(7);
      assertThat(store.toString()).contains("pruning=false");
    }
  }
}
