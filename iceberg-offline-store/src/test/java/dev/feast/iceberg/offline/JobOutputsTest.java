package dev.feast.iceberg.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.common.RecordValues;
import dev.feast.iceberg.common.TableAppender;
import dev.feast.iceberg.common.TypeMapping;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineCapability;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.RowStream;
import dev.feast.iceberg.spi.offline.ViewSelection;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Result outputs (rows, Parquet, SQL, persisted tables), entity files and tables, close. */
class JobOutputsTest extends StoreTestBase {
  private OfflineStore store;
  private FeatureView view;
  private RowSet entities;
  private RowSet expected;

  @BeforeEach
  void writeSource() {
    store = store(true);
    view = driverStats(Duration.ofHours(3));
    store.writeBatch(
        view,
        driverRows().add(1L, at(10), at(10), 1.5f, 1).add(2L, at(11), at(11), 2.5f, 2).build());
    entities = driverEntities().add(2L, at(12)).add(1L, at(12)).add(1L, at(9)).build();
    expected =
        new RowSet(
            List.of(
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP),
                Field.of("conv_rate", ValueType.FLOAT),
                Field.of("trips", ValueType.INT32)),
            List.of(
                List.of(2L, at(12), 2.5f, 2),
                List.of(1L, at(12), 1.5f, 1),
                Arrays.asList(1L, at(9), null, null)));
  }

  private HistoricalRequest request(EntitySource source) {
    return HistoricalRequest.of(source, List.of(ViewSelection.all(view)));
  }

  @Test
  void declaresWhatItOffers() {
    assertThat(store.capabilities())
        .contains(
            OfflineCapability.FILTER_BY_CREATED_TIMESTAMP,
            OfflineCapability.ENTITY_TABLE,
            OfflineCapability.PERSIST,
            OfflineCapability.DELETES);
  }

  @Test
  void showsTheAsofJoinItRuns() {
    try (RetrievalJob job = store.getHistoricalFeatures(request(EntitySource.of(entities)))) {
      assertThat(job.sql())
          .contains("ASOF LEFT JOIN")
          .contains("read_parquet(")
          .contains("__feast_order")
          .contains("ORDER BY e.\"__feast_row\"");
      assertThat(job.columns()).isEqualTo(expected.columns());
    }
  }

  @Test
  void writesTheResultToParquet() throws Exception {
    Path file = dir.resolve("out/result.parquet");
    try (RetrievalJob job = store.getHistoricalFeatures(request(EntitySource.of(entities)))) {
      job.toParquet(file);
    }
    List<List<Object>> rows = new ArrayList<>();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duck.createStatement();
        ResultSet results =
            statement.executeQuery("SELECT driver_id, trips FROM read_parquet('" + file + "')")) {
      while (results.next()) {
        rows.add(Arrays.asList(results.getObject(1), results.getObject(2)));
      }
    }
    assertThat(rows).containsExactly(List.of(2L, 2), List.of(1L, 1), Arrays.asList(1L, null));
  }

  @Test
  void persistsTheResultAsATableAndRefusesToOverwriteUnlessAllowed() throws Exception {
    TableIdentifier id = TableIdentifier.parse("results.training");
    try (RetrievalJob job = store.getHistoricalFeatures(request(EntitySource.of(entities)))) {
      job.persist(id, false);
      assertThatThrownBy(() -> job.persist(id, false))
          .isInstanceOf(AlreadyExistsException.class)
          .hasMessageContaining("results.training");
    }
    assertThat(readTable(id)).containsExactlyInAnyOrderElementsOf(expected.rows());

    RowSet fewer = driverEntities().add(1L, at(12)).build();
    try (RetrievalJob job = store.getHistoricalFeatures(request(EntitySource.of(fewer)))) {
      job.persist(id, true);
    }
    assertThat(readTable(id)).containsExactly(List.of(1L, at(12), 1.5f, 1));
  }

  private List<List<Object>> readTable(TableIdentifier id) throws Exception {
    Table table = catalog().loadTable(id);
    List<List<Object>> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      for (Record record : records) {
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
          row.add(RecordValues.fromIceberg(record.get(i)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private Catalog catalog() {
    return context.catalog(TestPluginContext.sqliteCatalog(context.repoPath())).catalog();
  }

  @Test
  void readsEntityRowsFromParquetCsvAndIcebergTables() throws Exception {
    Path parquet = dir.resolve("entities.parquet");
    Path csv = dir.resolve("entities.csv");
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duck.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute(
          "COPY (SELECT * FROM (VALUES (2::BIGINT, TIMESTAMPTZ '2024-05-01 12:00:00+00'), (1,"
              + " TIMESTAMPTZ '2024-05-01 14:00:00+02'), (1, TIMESTAMPTZ '2024-05-01 09:00:00+00'))"
              + " t(driver_id, event_timestamp)) TO '"
              + parquet
              + "' (FORMAT parquet)");
    }
    // Naive timestamps in a CSV file are UTC.
    Files.writeString(
        csv,
        "driver_id,event_timestamp\n"
            + "2,2024-05-01 12:00:00\n"
            + "1,2024-05-01 12:00:00\n"
            + "1,2024-05-01 09:00:00\n");
    TableIdentifier table = TableIdentifier.parse("feast.entity_rows");
    Table entityTable = catalog().createTable(table, TypeMapping.schemaOf(entities.columns()));
    List<Record> records = new ArrayList<>();
    for (List<Object> row : entities.rows()) {
      GenericRecord record = GenericRecord.create(entityTable.schema());
      for (int i = 0; i < row.size(); i++) {
        record.set(
            i, RecordValues.toIceberg(row.get(i), entityTable.schema().columns().get(i).type()));
      }
      records.add(record);
    }
    TableAppender.append(entityTable, records);

    for (EntitySource source :
        List.of(
            new EntitySource.ParquetFile(parquet),
            new EntitySource.CsvFile(csv),
            new EntitySource.IcebergTable(table))) {
      assertThat(retrieve(store, request(source))).as(source.toString()).isEqualTo(expected);
    }
  }

  @Test
  void aClosedJobReleasesItsStreamsAndConnection() {
    RetrievalJob job = store.getHistoricalFeatures(request(EntitySource.of(entities)));
    RowStream stream = job.rows();
    assertThat(stream.hasNext()).isTrue();
    assertThat(stream.next()).isEqualTo(expected.rows().get(0));

    job.close();

    assertThat(stream.hasNext()).isFalse();
    assertThatThrownBy(job::rows)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void aJobRunsAgainOnEachOutput() {
    try (RetrievalJob job = store.getHistoricalFeatures(request(EntitySource.of(entities)))) {
      assertThat(job.toRowSet()).isEqualTo(expected);
      assertThat(job.toRowSet()).isEqualTo(expected);
      assertThat(job.metadata().filesScanned()).isEqualTo(1);
    }
  }
}
