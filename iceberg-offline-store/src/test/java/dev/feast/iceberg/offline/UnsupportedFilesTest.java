package dev.feast.iceberg.offline;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.UnsupportedFeatureException;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.ViewSelection;
import dev.feast.iceberg.testsuite.TestPluginContext;
import java.time.Duration;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Files that cannot be read fail clearly instead of being skipped. */
class UnsupportedFilesTest extends StoreTestBase {
  private OfflineStore store;
  private FeatureView view;
  private Table table;

  @BeforeEach
  void createTable() {
    store = store(false);
    view = driverStats(Duration.ZERO);
    store.writeBatch(view, driverRows().add(1L, at(1), at(1), 1.0f, 1).build());
    table =
        context
            .catalog(TestPluginContext.sqliteCatalog(context.repoPath()))
            .catalog()
            .loadTable(TableIdentifier.parse("feast.driver_stats"));
  }

  /** Registers a data file in the table's metadata only; nothing reads it before the store. */
  private void appendMetadataOnly(String location, FileFormat format) {
    DataFile file =
        DataFiles.builder(table.spec())
            .withPath(location)
            .withFormat(format)
            .withPartitionPath("event_ts_day=2024-05-01")
            .withFileSizeInBytes(100)
            .withRecordCount(1)
            .build();
    table.newFastAppend().appendFile(file).commit();
  }

  private void retrieveAll() {
    retrieve(
        store,
        HistoricalRequest.of(
            EntitySource.of(driverEntities().add(1L, at(2)).build()),
            List.of(ViewSelection.all(view))));
  }

  @Test
  void aRemoteFileTheTablesFileIoCannotReadFailsNamingIt() {
    appendMetadataOnly("s3://bucket/warehouse/driver_stats/data/x.parquet", FileFormat.PARQUET);

    assertThatThrownBy(this::retrieveAll)
        .hasMessageContaining("s3://bucket/warehouse/driver_stats/data/x.parquet")
        .hasMessageContaining("file cache");
  }

  @Test
  void nonParquetFilesAreRejected() {
    appendMetadataOnly(dir.resolve("x.orc").toString(), FileFormat.ORC);

    assertThatThrownBy(this::retrieveAll)
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("ORC");
  }
}
