package dev.feast.iceberg.spark.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.catalog.jdbc.JdbcCatalogProviderFactory;
import dev.feast.iceberg.spark.LocalSpark;
import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.spark.SparkCatalog;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores made from {@code spark_conf} while a Spark context already runs in the JVM (the host
 * application's, another store's): each gets a session of its own on that context, so two stores
 * whose catalogs have the same name each read their own tables, and closing one leaves the context
 * running.
 */
class RunningSessionTest {
  @TempDir Path directory;

  @Test
  void twoStoresOnARunningContextEachReadTheirOwnCatalogAndLeaveItRunning() {
    SparkSession running = LocalSpark.session();
    try (TestPluginContext context =
            TestPluginContext.of(directory, new JdbcCatalogProviderFactory());
        SparkOfflineStore second = store(context, "second", LocalSpark.conf())) {
      try (SparkOfflineStore first = store(context, "first", LocalSpark.conf())) {
        assertThat(first.session()).isNotSameAs(running).isNotSameAs(second.session());
        assertThat(first.session().sparkContext()).isSameAs(running.sparkContext());
        assertThat(first.session().conf().get("spark.sql.shuffle.partitions")).isEqualTo("2");
        assertThat(icebergCatalog(first)).isSameAs(first.catalog());
        assertThat(icebergCatalog(second)).isSameAs(second.catalog());
      }
      assertThat(running.sparkContext().isStopped()).as("context stopped").isFalse();
      assertThat(icebergCatalog(second)).isSameAs(second.catalog());
    }
    assertThat(running.sparkContext().isStopped()).as("context stopped").isFalse();
  }

  @Test
  void aStoreAskingForAnotherMasterThanTheRunningOneFailsSayingSo() {
    LocalSpark.session();
    Map<String, String> conf = new HashMap<>(LocalSpark.conf());
    conf.put("spark.master", "local[1]");
    try (TestPluginContext context =
        TestPluginContext.of(directory, new JdbcCatalogProviderFactory())) {
      assertThatThrownBy(() -> store(context, "other", conf))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("master 'local[2]' already runs")
          .hasMessageContaining("'local[1]'");
    }
  }

  private SparkOfflineStore store(
      TestPluginContext context, String name, Map<String, String> sparkConf) {
    CatalogConfig catalog = TestPluginContext.sqliteCatalog(directory.resolve(name));
    return (SparkOfflineStore)
        new SparkOfflineStoreFactory()
            .create(SparkOfflineStoreConfig.of(catalog, sparkConf), context);
  }

  /**
   * The Iceberg catalog behind the store's Spark catalog {@code feast}, looked up as Spark does
   * while it plans a query: with the store's session active (a session's catalogs are configured by
   * the active session's settings).
   */
  private static Object icebergCatalog(SparkOfflineStore store) {
    SparkSession.setActiveSession(store.session());
    try {
      return ((SparkCatalog) store.session().sessionState().catalogManager().catalog("feast"))
          .icebergCatalog();
    } finally {
      SparkSession.clearActiveSession();
    }
  }
}
