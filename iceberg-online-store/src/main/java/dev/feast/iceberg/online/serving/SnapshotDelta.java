package dev.feast.iceberg.online.serving;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotChanges;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;

/**
 * The data files committed to a table since the snapshot a serving state was built from, when
 * they can be applied on top of it: only appends of Parquet files. Anything else (a replace or
 * overwrite, a delete, a rollback, expired history) returns null and the state is rebuilt.
 */
final class SnapshotDelta {
  private SnapshotDelta() {}

  /**
   * The data files added after {@code baseId} up to {@code current}, oldest snapshot first, or
   * null when the state must be rebuilt from a full scan.
   */
  static List<DataFile> addedSince(Table table, Long baseId, Snapshot current) {
    List<Snapshot> appends = new ArrayList<>();
    Snapshot snapshot = current;
    while (snapshot != null && !Objects.equals(snapshot.snapshotId(), baseId)) {
      if (!DataOperations.APPEND.equals(snapshot.operation()) || hasDeletes(snapshot)) {
        return null;
      }
      appends.add(snapshot);
      Long parent = snapshot.parentId();
      snapshot = parent == null ? null : table.snapshot(parent);
    }
    if (snapshot == null && baseId != null) {
      // The base is no ancestor of the current snapshot: rolled back, or history expired.
      return null;
    }
    Collections.reverse(appends);
    List<DataFile> files = new ArrayList<>();
    for (Snapshot append : appends) {
      SnapshotChanges changes = SnapshotChanges.builderFor(table).snapshot(append).build();
      for (DataFile file : changes.addedDataFiles()) {
        if (file.format() != FileFormat.PARQUET) {
          return null;
        }
        files.add(file);
      }
    }
    return files;
  }

  private static boolean hasDeletes(Snapshot snapshot) {
    String added = snapshot.summary() == null
        ? null : snapshot.summary().get(SnapshotSummary.ADDED_DELETE_FILES_PROP);
    return added != null && !added.equals("0");
  }
}
