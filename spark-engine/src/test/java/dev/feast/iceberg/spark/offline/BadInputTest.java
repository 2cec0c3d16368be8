package dev.feast.iceberg.spark.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.catalog.jdbc.JdbcCatalogProviderFactory;
import dev.feast.iceberg.spark.LocalSpark;
import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeastException;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.InvalidEntityRowsException;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.ViewSelection;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear error naming what is wrong, and never leaves a half-written table. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
  private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");

  @TempDir static Path directory;
  private TestPluginContext context;
  private CatalogConfig catalog;
  private SparkOfflineStore store;
  private FeatureView view;

  @BeforeAll
  void openStore() {
    LocalSpark.session(); // the store gets a session of its own on the JVM's shared context
    context = TestPluginContext.of(directory, new JdbcCatalogProviderFactory());
    catalog = TestPluginContext.sqliteCatalog(directory);
    store =
        (SparkOfflineStore)
            new SparkOfflineStoreFactory()
                .create(SparkOfflineStoreConfig.of(catalog, LocalSpark.conf()), context);
    view =
        FeatureView.builder("driver_stats")
            .entity(new Entity("driver", "driver_id", ValueType.INT64, ""))
            .feature("trips", ValueType.INT32)
            .source(IcebergSource.of("bad_input.driver_stats", "event_timestamp"))
            .build();
    store.writeBatch(
        view,
        RowSet.builder(
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP),
                Field.of("trips", ValueType.INT32))
            .add(1L, T, 10)
            .add(2L, T, 20)
            .build());
  }

  @AfterAll
  void closeStore() {
    store.close();
    context.close();
  }

  @Test
  void anUnreachableMasterIsNamedAtOnce() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Map<String, String> conf = new HashMap<>(LocalSpark.conf());
    conf.put("spark.master", "spark://127.0.0.1:" + port);
    assertThatThrownBy(
            () ->
                new SparkOfflineStoreFactory()
                    .create(SparkOfflineStoreConfig.of(catalog, conf), context))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Spark master (127.0.0.1:" + port + ")")
        .hasMessageContaining("spark.master");
  }

  @Test
  void aMissingEntityTableIsNamed() {
    TableIdentifier missing = TableIdentifier.of("bad_input", "no_such_entities");
    assertThatThrownBy(
            () ->
                run(
                    HistoricalRequest.of(
                        new EntitySource.IcebergTable(missing), List.of(ViewSelection.all(view)))))
        .isInstanceOf(UnknownDefinitionException.class)
        .hasMessageContaining("bad_input.no_such_entities");
  }

  @Test
  void aJoinKeyColumnOfTheWrongTypeIsNamed() {
    RowSet entities =
        RowSet.builder(
                Field.of("driver_id", ValueType.STRING),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP))
            .add("1", T)
            .build();
    assertThatThrownBy(
            () ->
                run(
                    HistoricalRequest.of(
                        EntitySource.of(entities), List.of(ViewSelection.all(view)))))
        .isInstanceOf(InvalidEntityRowsException.class)
        .hasMessageContaining("driver_id")
        .hasMessageContaining("Int64");
  }

  @Test
  void aPersistWhoseSparkJobFailsLeavesNoTable() {
    TableIdentifier target = TableIdentifier.of("bad_input", "failed_training_set");
    // The third entity row fails on an executor while the others are being written.
    var entities =
        store
            .session()
            .sql(
                "SELECT id AS driver_id, TIMESTAMP '2026-01-01 11:00:00' AS event_timestamp,"
                    + " CASE WHEN id = 3 THEN raise_error('entity row 3 is broken') ELSE 'ok' END AS note"
                    + " FROM range(1, 6)");
    try (RetrievalJob job =
        store.getHistoricalFeatures(entities, List.of(ViewSelection.all(view)), false, false)) {
      assertThatThrownBy(() -> job.persist(target, false))
          .isInstanceOf(FeastException.class)
          .hasMessageContaining("failed_training_set");
    }
    assertThat(store.catalog().tableExists(target)).as("no half-written table").isFalse();
  }

  private RowSet run(HistoricalRequest request) {
    try (RetrievalJob job = store.getHistoricalFeatures(request)) {
      return job.toRowSet();
    }
  }
}
