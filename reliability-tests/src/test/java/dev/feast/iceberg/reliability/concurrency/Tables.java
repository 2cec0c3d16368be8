package dev.feast.iceberg.reliability.concurrency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/** Independent checks of an Iceberg table's committed state, for the reliability tests. */
public final class Tables {
  private Tables() {}

  /**
   * The live rows of the current snapshot (delete files applied), the named columns of each,
   * timestamps as {@link java.time.Instant}.
   */
  public static List<List<Object>> rows(Table table, List<String> columns) {
    table.refresh();
    List<List<Object>> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      for (Record record : records) {
        List<Object> row = new ArrayList<>(columns.size());
        for (String column : columns) {
          Object value = record.getField(column);
          if (value instanceof OffsetDateTime time) {
            value = time.toInstant();
          } else if (value instanceof ByteBuffer bytes) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.duplicate().get(copy);
            value = copy;
          }
          row.add(value);
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read table " + table.name(), e);
    }
    return rows;
  }

  /**
   * The files the current snapshot needs that do not exist (metadata file, manifest list,
   * manifests, data and delete files); empty when the table is at a complete committed state.
   */
  public static List<String> missingCurrentFiles(Table table) {
    table.refresh();
    List<String> missing = new ArrayList<>();
    check(metadataLocation(table), missing);
    Snapshot current = table.currentSnapshot();
    if (current == null) {
      return missing;
    }
    check(current.manifestListLocation(), missing);
    for (ManifestFile manifest : current.allManifests(table.io())) {
      check(manifest.path(), missing);
    }
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        check(task.file().location(), missing);
        task.deletes().forEach(delete -> check(delete.location(), missing));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not plan table " + table.name(), e);
    }
    return missing;
  }

  static String metadataLocation(Table table) {
    return ((HasTableOperations) table).operations().current().metadataFileLocation();
  }

  private static void check(String location, List<String> missing) {
    if (!Files.exists(local(location))) {
      missing.add(location);
    }
  }

  /** A local file location as a path ({@code file:} scheme dropped). */
  public static Path local(String location) {
    return location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
  }
}
