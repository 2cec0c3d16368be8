package dev.feast.iceberg.online.serving;

import dev.feast.iceberg.spi.ExternalSystemException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.FileIO;

/**
 * What changed in a table since the snapshot a serving state was built from, when it can be applied
 * on top of the state: appends of Parquet files, and this store's own compactions. A compaction
 * replaces files by files holding the same winning rows, minus the keys whose winner was older than
 * its ttl cutoff (which the compaction records in the snapshot summary), so the state applies it by
 * evicting those keys, without reading a file. Anything else (a replace or overwrite by another
 * tool, a delete, a rollback, expired history) returns null and the state is rebuilt.
 */
public final class SnapshotDelta {
  /**
   * Snapshot summary property of this store's compactions: the ttl cutoff in epoch microseconds
   * (keys whose winning row is older were deleted), or {@code none}.
   */
  public static final String COMPACTION_PROPERTY = "feast.compaction.expired-before";

  /** One step, in commit order: files to apply, or a cutoff to evict keys older than. */
  record Step(List<DataFile> added, Instant evictBefore) {}

  private SnapshotDelta() {}

  /**
   * The changes after {@code baseId} up to {@code current}, oldest snapshot first, or null when the
   * state must be rebuilt from a full scan.
   */
  static List<Step> since(Table table, Long baseId, Snapshot current) {
    List<Snapshot> snapshots = new ArrayList<>();
    Snapshot snapshot = current;
    while (snapshot != null && !Objects.equals(snapshot.snapshotId(), baseId)) {
      if (!isAppend(snapshot) && !isCompaction(snapshot)) {
        return null;
      }
      snapshots.add(snapshot);
      Long parent = snapshot.parentId();
      snapshot = parent == null ? null : table.snapshot(parent);
    }
    if (snapshot == null && baseId != null) {
      // The base is no ancestor of the current snapshot: rolled back, or history expired.
      return null;
    }
    Collections.reverse(snapshots);
    List<Step> steps = new ArrayList<>();
    for (Snapshot step : snapshots) {
      if (isCompaction(step)) {
        String cutoff = step.summary().get(COMPACTION_PROPERTY);
        if (!cutoff.equals("none")) {
          steps.add(new Step(List.of(), instant(Long.parseLong(cutoff))));
        }
        continue;
      }
      List<DataFile> files = added(table, step);
      if (files == null) {
        return null;
      }
      steps.add(new Step(files, null));
    }
    return steps;
  }

  /**
   * The data files an append added, or null when one is not Parquet. Only the manifests the
   * snapshot wrote are read, through {@link LocalFirstIO}: a local table's manifest list and
   * manifests are read with plain Java files rather than through Hadoop's checksummed local file
   * system, which opens a checksum file next to each (this is most of the time of catching up with
   * a small append). A file is added by the snapshot when its file sequence number is the
   * snapshot's (a merged manifest also lists older files).
   */
  private static List<DataFile> added(Table table, Snapshot snapshot) {
    FileIO io = new LocalFirstIO(table.io());
    List<DataFile> files = new ArrayList<>();
    for (ManifestFile manifest : snapshot.dataManifests(io)) {
      if (!Objects.equals(manifest.snapshotId(), snapshot.snapshotId())) {
        continue;
      }
      try (ManifestReader<DataFile> reader = ManifestFiles.read(manifest, io, table.specs())) {
        for (DataFile file : reader) {
          if (Objects.equals(file.fileSequenceNumber(), snapshot.sequenceNumber())) {
            if (file.format() != FileFormat.PARQUET) {
              return null;
            }
            files.add(file.copyWithoutStats());
          }
        }
      } catch (IOException e) {
        throw ExternalSystemException.storage(
            "Could not read manifest " + manifest.path() + " of " + table.name(), e);
      }
    }
    return files;
  }

  /** The property value recording a compaction that deleted keys older than {@code cutoff}. */
  public static String marker(Instant cutoff) {
    return cutoff == null ? "none" : Long.toString(micros(cutoff));
  }

  /** An instant in epoch microseconds, as Iceberg stores timestamps. */
  public static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
  }

  private static boolean isAppend(Snapshot snapshot) {
    String added =
        snapshot.summary() == null
            ? null
            : snapshot.summary().get(SnapshotSummary.ADDED_DELETE_FILES_PROP);
    return DataOperations.APPEND.equals(snapshot.operation())
        && (added == null || added.equals("0"));
  }

  private static boolean isCompaction(Snapshot snapshot) {
    return DataOperations.REPLACE.equals(snapshot.operation())
        && snapshot.summary() != null
        && snapshot.summary().containsKey(COMPACTION_PROPERTY);
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L);
  }
}
