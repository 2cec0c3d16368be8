package dev.feast.iceberg.offline.scan;

import java.util.List;
import java.util.Map;

/**
 * What a scan of one source table planned: the Parquet files DuckDB reads and the deletes that
 * apply to them.
 *
 * @param filesPlanned data files in the table's current snapshot
 * @param dataFiles local paths of the data files left after pruning
 * @param positionDeletes local paths of position delete files
 * @param positionDeleteTargets data file location as written in delete files to its local path, for
 *     the data files that have position deletes
 * @param equalityDeletes equality delete files with the data files they apply to
 * @param columns the table's columns by current name, to read by field id; empty to read the files
 *     by column name (tables whose files may lack field ids, see {@link SourcePlanner})
 */
public record SourceFiles(
    long filesPlanned,
    List<String> dataFiles,
    List<String> positionDeletes,
    Map<String, String> positionDeleteTargets,
    List<EqualityDelete> equalityDeletes,
    Map<String, FileColumn> columns) {
  public SourceFiles {
    dataFiles = List.copyOf(dataFiles);
    positionDeletes = List.copyOf(positionDeletes);
    positionDeleteTargets = Map.copyOf(positionDeleteTargets);
    equalityDeletes = List.copyOf(equalityDeletes);
    columns = Map.copyOf(columns);
  }

  /** A table without data. */
  static SourceFiles none(long filesPlanned) {
    return new SourceFiles(filesPlanned, List.of(), List.of(), Map.of(), List.of(), Map.of());
  }

  /** Data files read after pruning. */
  public long filesScanned() {
    return dataFiles.size();
  }

  /** Whether any delete file applies. */
  public boolean hasDeletes() {
    return !positionDeletes.isEmpty() || !equalityDeletes.isEmpty();
  }
}
