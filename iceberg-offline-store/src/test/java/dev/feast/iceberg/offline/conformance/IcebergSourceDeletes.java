package dev.feast.iceberg.offline.conformance;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.testsuite.OfflineConformanceBase.DeleteKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.deletes.EqualityDeleteWriter;
import org.apache.iceberg.deletes.PositionDelete;
import org.apache.iceberg.deletes.PositionDeleteWriter;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.parquet.Parquet;

/**
 * Commits merge-on-read deletes to a source table with Iceberg's own row-delta API, for O20:
 * position deletes naming the matching rows' positions, or equality deletes on a column, one delete
 * file per partition of the data files holding matching rows. Public (in this module's test jar)
 * for every store whose conformance test runs on Iceberg sources: the Spark store, and this store
 * on the REST catalog.
 */
public final class IcebergSourceDeletes {
  private static int taskId = 100;

  private IcebergSourceDeletes() {}

  /** Commits the deletes to the source table of a view (an {@link IcebergSource}). */
  public static void delete(
      Catalog catalog, FeatureView view, DeleteKind kind, String column, Object value) {
    IcebergSource source = (IcebergSource) view.source();
    delete(catalog.loadTable(source.identifier()), kind, column, value);
  }

  static void delete(Table table, DeleteKind kind, String column, Object value) {
    try {
      RowDelta delta = table.newRowDelta();
      for (DataFile file : dataFiles(table)) {
        List<Long> positions = matchingPositions(table, file, column, value);
        if (positions.isEmpty()) {
          continue;
        }
        delta.addDeletes(
            kind == DeleteKind.POSITION
                ? positionDelete(table, file, positions)
                : equalityDelete(table, file, column, value));
      }
      delta.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete rows of " + table.name(), e);
    }
  }

  private static List<DataFile> dataFiles(Table table) throws IOException {
    List<DataFile> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(t -> files.add(t.file()));
    }
    return files;
  }

  /** The positions of the rows of one data file whose column equals the value (file order). */
  private static List<Long> matchingPositions(
      Table table, DataFile file, String column, Object value) throws IOException {
    Schema schema = table.schema();
    List<Long> positions = new ArrayList<>();
    try (CloseableIterable<Record> records =
        Parquet.read(table.io().newInputFile(file.location()))
            .project(schema)
            .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(schema, fileSchema))
            .build()) {
      long position = 0;
      for (Record record : records) {
        if (Objects.equals(record.getField(column), value)) {
          positions.add(position);
        }
        position++;
      }
    }
    return positions;
  }

  private static synchronized OutputFileFactory files(Table table) {
    return OutputFileFactory.builderFor(table, 1, taskId++).format(FileFormat.PARQUET).build();
  }

  private static DeleteFile positionDelete(Table table, DataFile target, List<Long> positions)
      throws IOException {
    GenericFileWriterFactory writers =
        new GenericFileWriterFactory.Builder(table).deleteFileFormat(FileFormat.PARQUET).build();
    PositionDeleteWriter<Record> writer =
        writers.newPositionDeleteWriter(
            files(table).newOutputFile(table.spec(), target.partition()),
            table.spec(),
            target.partition());
    try (writer) {
      for (long position : positions) {
        writer.write(PositionDelete.<Record>create().set(target.location(), position));
      }
    }
    return writer.toDeleteFile();
  }

  private static DeleteFile equalityDelete(
      Table table, DataFile partitionOf, String column, Object value) throws IOException {
    Schema deleteSchema = table.schema().select(column);
    GenericFileWriterFactory writers =
        new GenericFileWriterFactory.Builder(table)
            .deleteFileFormat(FileFormat.PARQUET)
            .equalityFieldIds(new int[] {table.schema().findField(column).fieldId()})
            .equalityDeleteRowSchema(deleteSchema)
            .build();
    EqualityDeleteWriter<Record> writer =
        writers.newEqualityDeleteWriter(
            files(table).newOutputFile(table.spec(), partitionOf.partition()),
            table.spec(),
            partitionOf.partition());
    try (writer) {
      GenericRecord record = GenericRecord.create(deleteSchema);
      record.setField(column, value);
      writer.write(record);
    }
    return writer.toDeleteFile();
  }
}
