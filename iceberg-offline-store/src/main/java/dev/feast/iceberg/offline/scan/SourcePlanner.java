package dev.feast.iceberg.offline.scan;

import dev.feast.iceberg.common.TypeMapping;
import dev.feast.iceberg.spi.ExternalSystemException;
import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.UnsupportedFeatureException;
import dev.feast.iceberg.spi.ValueType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileContent;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.TableScan;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans the Parquet files of a source table that DuckDB reads: one Iceberg scan, filtered on the
 * event timestamp so files whose statistics or partitions lie outside the range are skipped.
 */
public final class SourcePlanner {
  private static final Logger log = LoggerFactory.getLogger(SourcePlanner.class);
  private static final String STORE = "Iceberg offline";

  private SourcePlanner() {}

  /**
   * The files of the table's current snapshot that can hold rows with an event timestamp in {@code
   * range}; with {@code pruning} off, every file.
   */
  public static SourceFiles plan(
      Table table, String timestampColumn, TimeRange range, boolean pruning, FileLocator locator) {
    return plan(table, timestampColumn, range, Map.of(), pruning, locator);
  }

  /**
   * As {@link #plan(Table, String, TimeRange, boolean, FileLocator)}, also skipping files that hold
   * none of the given values of a column (join keys of the entity rows: no other row can match).
   */
  public static SourceFiles plan(
      Table table,
      String timestampColumn,
      TimeRange range,
      Map<String, List<Object>> keyValues,
      boolean pruning,
      FileLocator locator) {
    Snapshot snapshot = table.currentSnapshot();
    if (snapshot == null) {
      return SourceFiles.none(0);
    }
    long planned = totalDataFiles(table, snapshot);
    if (pruning && range.empty()) {
      return SourceFiles.none(planned);
    }
    TableScan scan = table.newScan();
    if (pruning) {
      Expression filter = filter(table, timestampColumn, range);
      if (filter != null) {
        scan = scan.filter(filter);
      }
      for (Map.Entry<String, List<Object>> key : keyValues.entrySet()) {
        scan = scan.filter(keyFilter(table, key.getKey(), key.getValue()));
      }
    }
    List<FileScanTask> taskList = new ArrayList<>();
    Map<String, Long> lengths = new LinkedHashMap<>();
    try (CloseableIterable<FileScanTask> tasks = scan.planFiles()) {
      for (FileScanTask task : tasks) {
        requireParquet(task.file().format(), task.file().location());
        lengths.put(task.file().location(), task.file().fileSizeInBytes());
        for (DeleteFile delete : task.deletes()) {
          requireParquet(delete.format(), delete.location());
          lengths.put(delete.location(), delete.fileSizeInBytes());
        }
        taskList.add(task);
      }
    } catch (IOException e) {
      throw ExternalSystemException.storage("Could not plan a scan of table " + table.name(), e);
    }
    Map<String, String> local = locator.localPaths(table.io(), lengths);
    List<String> dataFiles = new ArrayList<>();
    Set<String> positionDeletes = new LinkedHashSet<>();
    Map<String, String> targets = new LinkedHashMap<>();
    Map<String, EqualityDeleteBuilder> equalityDeletes = new LinkedHashMap<>();
    for (FileScanTask task : taskList) {
      String location = task.file().location();
      String path = local.get(location);
      dataFiles.add(path);
      for (DeleteFile delete : task.deletes()) {
        if (delete.content() == FileContent.POSITION_DELETES) {
          positionDeletes.add(local.get(delete.location()));
          targets.put(location, path);
        } else {
          equalityDeletes
              .computeIfAbsent(
                  delete.location(),
                  l -> new EqualityDeleteBuilder(table, delete, local.get(delete.location())))
              .dataFiles
              .add(path);
        }
      }
    }
    log.debug("table {}: reading {} of {} data files", table.name(), dataFiles.size(), planned);
    return new SourceFiles(
        planned,
        dataFiles,
        List.copyOf(positionDeletes),
        targets,
        equalityDeletes.values().stream().map(EqualityDeleteBuilder::build).toList(),
        fileColumns(table));
  }

  /**
   * The columns to read by field id. Files added from elsewhere may carry no field ids (the table
   * then has a name mapping); those are read by name, as a field-id read would give only NULLs.
   */
  private static Map<String, FileColumn> fileColumns(Table table) {
    Map<String, FileColumn> columns = new LinkedHashMap<>();
    if (table.properties().containsKey(TableProperties.DEFAULT_NAME_MAPPING)) {
      return columns;
    }
    for (Types.NestedField field : table.schema().columns()) {
      ValueType type;
      try {
        type = TypeMapping.valueType(field.name(), field.type());
      } catch (SchemaMismatchException e) {
        continue; // a column Feast has no type for is never read
      }
      columns.put(
          field.name(),
          new FileColumn(field.fieldId(), field.name(), TypeMapping.duckDbType(type)));
    }
    return columns;
  }

  /**
   * The scan filter for the range, or null when the column's type has no microsecond literal (the
   * scan then reads every file, which is slower but gives the same answer).
   */
  private static Expression filter(Table table, String column, TimeRange range) {
    Types.NestedField field = table.schema().findField(column);
    if (field == null || field.type().typeId() != Type.TypeID.TIMESTAMP) {
      return null;
    }
    Expression filter = Expressions.alwaysTrue();
    if (range.lowerMicros() != null) {
      filter = Expressions.and(filter, Expressions.greaterThanOrEqual(column, range.lowerMicros()));
    }
    if (range.upperMicros() != null) {
      filter = Expressions.and(filter, Expressions.lessThanOrEqual(column, range.upperMicros()));
    }
    return filter;
  }

  private static Expression keyFilter(Table table, String column, List<Object> values) {
    Types.NestedField field = table.schema().findField(column);
    Type.TypeID id = field == null ? null : field.type().typeId();
    if (id != Type.TypeID.LONG && id != Type.TypeID.INTEGER && id != Type.TypeID.STRING) {
      return Expressions.alwaysTrue();
    }
    return values.isEmpty() ? Expressions.alwaysFalse() : Expressions.in(column, values);
  }

  private static long totalDataFiles(Table table, Snapshot snapshot) {
    String total = snapshot.summary().get(SnapshotSummary.TOTAL_DATA_FILES_PROP);
    if (total != null) {
      return Long.parseLong(total);
    }
    long count = 0;
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask ignored : tasks) {
        count++;
      }
    } catch (IOException e) {
      throw ExternalSystemException.storage("Could not plan a scan of table " + table.name(), e);
    }
    return count;
  }

  private static void requireParquet(FileFormat format, String location) {
    if (format == FileFormat.PUFFIN) {
      throw new UnsupportedFeatureException(
          STORE,
          "deletion vectors (format v3 Puffin deletes, "
              + location
              + "); rewrite the table's deletes as Parquet position deletes or compact it");
    }
    if (format != FileFormat.PARQUET) {
      throw new UnsupportedFeatureException(
          STORE, format + " files (" + location + "); only Parquet data and delete files are read");
    }
  }

  /** Collects the data files one equality delete file applies to. */
  private static final class EqualityDeleteBuilder {
    private final String path;
    private final List<String> columns = new ArrayList<>();
    private final Set<String> dataFiles = new LinkedHashSet<>();

    EqualityDeleteBuilder(Table table, DeleteFile delete, String path) {
      this.path = path;
      for (int id : delete.equalityFieldIds()) {
        String name = table.schema().findColumnName(id);
        if (name == null) {
          throw new UnsupportedFeatureException(
              STORE,
              "equality deletes on a dropped column (field id "
                  + id
                  + ", "
                  + delete.location()
                  + ")");
        }
        columns.add(name);
      }
    }

    EqualityDelete build() {
      return new EqualityDelete(path, columns, List.copyOf(dataFiles));
    }
  }
}
