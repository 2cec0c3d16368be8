package dev.feast.iceberg.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.inmemory.InMemoryCatalog;
import org.apache.iceberg.inmemory.InMemoryFileIO;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.LocationProvider;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/**
 * A write that fails leaves no data file behind, also when what fails is the writer's own close
 * (the Parquet footer written to a full disk, a lost connection): the files to delete are those it
 * created, not those it reports.
 */
class TableAppenderCleanupTest {
  private static final Schema SCHEMA =
      new Schema(
          Types.NestedField.required(1, "id", Types.LongType.get()),
          Types.NestedField.optional(2, "name", Types.StringType.get()));

  @Test
  void aWriterWhoseCloseFailsLeavesNoDataFile() {
    InMemoryCatalog catalog = new InMemoryCatalog();
    catalog.initialize("memory", Map.of("warehouse", "/warehouse"));
    catalog.createNamespace(Namespace.of("db"));
    Table created = catalog.createTable(TableIdentifier.of("db", "t"), SCHEMA);
    FailingDataIO io = new FailingDataIO(new InMemoryFileIO());
    Table table =
        new BaseTable(new WithIo(((HasTableOperations) created).operations(), io), "memory.db.t");
    List<Record> records = new ArrayList<>();
    for (long id = 0; id < 100; id++) {
      GenericRecord record = GenericRecord.create(SCHEMA);
      record.setField("id", id);
      record.setField("name", "n" + id);
      records.add(record);
    }

    assertThatThrownBy(() -> TableAppender.write(table, records))
        .hasMessageContaining("Failed writing data files of table");

    assertThat(io.dataFiles).isNotEmpty();
    for (String location : io.dataFiles) {
      assertThat(io.fileExists(location)).as(location).isFalse();
    }
  }

  /** Data files are written whole, then their close fails. */
  private static final class FailingDataIO implements FileIO {
    private final InMemoryFileIO files;
    final List<String> dataFiles = new CopyOnWriteArrayList<>();

    FailingDataIO(InMemoryFileIO files) {
      this.files = files;
    }

    boolean fileExists(String location) {
      return files.fileExists(location);
    }

    @Override
    public InputFile newInputFile(String location) {
      return files.newInputFile(location);
    }

    @Override
    public OutputFile newOutputFile(String location) {
      OutputFile file = files.newOutputFile(location);
      if (!location.contains("/data/")) {
        return file;
      }
      dataFiles.add(location);
      return new OutputFile() {
        @Override
        public PositionOutputStream create() {
          return failingClose(file.create());
        }

        @Override
        public PositionOutputStream createOrOverwrite() {
          return failingClose(file.createOrOverwrite());
        }

        @Override
        public String location() {
          return file.location();
        }

        @Override
        public InputFile toInputFile() {
          return file.toInputFile();
        }
      };
    }

    private static PositionOutputStream failingClose(PositionOutputStream out) {
      return new PositionOutputStream() {
        @Override
        public long getPos() throws IOException {
          return out.getPos();
        }

        @Override
        public void write(int b) throws IOException {
          out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          out.close();
          throw new IOException("No space left on device");
        }
      };
    }

    @Override
    public void deleteFile(String location) {
      files.deleteFile(location);
    }
  }

  /** A table's operations with another {@link FileIO}. */
  private record WithIo(TableOperations operations, FileIO io) implements TableOperations {
    @Override
    public TableMetadata current() {
      return operations.current();
    }

    @Override
    public TableMetadata refresh() {
      return operations.refresh();
    }

    @Override
    public void commit(TableMetadata base, TableMetadata metadata) {
      operations.commit(base, metadata);
    }

    @Override
    public String metadataFileLocation(String fileName) {
      return operations.metadataFileLocation(fileName);
    }

    @Override
    public LocationProvider locationProvider() {
      return operations.locationProvider();
    }
  }
}
