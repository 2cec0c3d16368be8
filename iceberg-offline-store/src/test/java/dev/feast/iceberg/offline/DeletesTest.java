package dev.feast.iceberg.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.FeatureViewProjection;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.ViewSelection;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.deletes.EqualityDeleteWriter;
import org.apache.iceberg.deletes.PositionDelete;
import org.apache.iceberg.deletes.PositionDeleteWriter;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.OutputFileFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** O20: position and equality deletes committed to a source table are honoured. */
class DeletesTest extends StoreTestBase {

  private Table table() {
    return context
        .catalog(TestPluginContext.sqliteCatalog(context.repoPath()))
        .catalog()
        .loadTable(TableIdentifier.parse("feast.driver_stats"));
  }

  static List<DataFile> dataFiles(Table table) throws IOException {
    List<DataFile> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(t -> files.add(t.file()));
    }
    return files;
  }

  static DeleteFile positionDelete(Table table, DataFile target, long position) throws IOException {
    GenericFileWriterFactory writers =
        new GenericFileWriterFactory.Builder(table).deleteFileFormat(FileFormat.PARQUET).build();
    OutputFileFactory files =
        OutputFileFactory.builderFor(table, 1, 2).format(FileFormat.PARQUET).build();
    PositionDeleteWriter<Record> writer =
        writers.newPositionDeleteWriter(
            files.newOutputFile(table.spec(), target.partition()),
            table.spec(),
            target.partition());
    try (writer) {
      writer.write(PositionDelete.<Record>create().set(target.location(), position));
    }
    return writer.toDeleteFile();
  }

  private static DeleteFile equalityDelete(Table table, DataFile partitionOf, int trips)
      throws IOException {
    int id = table.schema().findField("trips").fieldId();
    Schema deleteSchema = table.schema().select("trips");
    GenericFileWriterFactory writers =
        new GenericFileWriterFactory.Builder(table)
            .deleteFileFormat(FileFormat.PARQUET)
            .equalityFieldIds(new int[] {id})
            .equalityDeleteRowSchema(deleteSchema)
            .build();
    OutputFileFactory files =
        OutputFileFactory.builderFor(table, 1, 3).format(FileFormat.PARQUET).build();
    EqualityDeleteWriter<Record> writer =
        writers.newEqualityDeleteWriter(
            files.newOutputFile(table.spec(), partitionOf.partition()),
            table.spec(),
            partitionOf.partition());
    try (writer) {
      GenericRecord record = GenericRecord.create(deleteSchema);
      record.setField("trips", trips);
      writer.write(record);
    }
    return writer.toDeleteFile();
  }

  @ParameterizedTest(name = "pruning={0}")
  @ValueSource(booleans = {true, false})
  void positionAndEqualityDeletesAreHonoured(boolean pruning) throws IOException {
    OfflineStore store = store(pruning);
    FeatureView view = driverStats(Duration.ZERO);
    store.writeBatch(
        view, driverRows().add(1L, at(1), at(1), 1.0f, 1).add(2L, at(1), at(1), 2.0f, 2).build());
    store.writeBatch(
        view,
        driverRows().add(1L, at(5), at(5), 10.0f, 10).add(2L, at(5), at(5), 20.0f, 20).build());
    Table table = table();
    // The second batch is the current snapshot's only added file; its first row (driver 1, trips
    // 10) is at position 0.
    List<DataFile> added = new ArrayList<>();
    table.currentSnapshot().addedDataFiles(table.io()).forEach(added::add);
    assertThat(added).hasSize(1);
    assertThat(dataFiles(table)).hasSize(2);
    DataFile second = added.get(0);
    table
        .newRowDelta()
        .addDeletes(positionDelete(table, second, 0))
        .addDeletes(equalityDelete(table, second, 20))
        .commit();
    // Written after the equality delete, so it is not deleted by it.
    store.writeBatch(view, driverRows().add(3L, at(7), at(7), 30.0f, 20).build());
    RowSet entities = driverEntities().add(1L, at(6)).add(2L, at(6)).add(3L, at(8)).build();

    RowSet result =
        retrieve(
            store,
            HistoricalRequest.of(EntitySource.of(entities), List.of(ViewSelection.all(view))));

    assertThat(column(result, "trips")).containsExactly(1, 2, 20);
    // The equality delete compares trips also when only conv_rate is selected.
    ViewSelection convRateOnly =
        new ViewSelection(view, FeatureViewProjection.of("driver_stats", List.of("conv_rate")));
    RowSet narrow =
        retrieve(store, HistoricalRequest.of(EntitySource.of(entities), List.of(convRateOnly)));
    assertThat(column(narrow, "conv_rate")).containsExactly(1.0f, 2.0f, 30.0f);
    try (RetrievalJob job = store.pullAll(view, at(0), at(10))) {
      assertThat(column(job.toRowSet(), "trips")).containsExactlyInAnyOrder(1, 2, 20);
    }
  }
}
