package dev.feast.iceberg.online.maintenance;

import dev.feast.iceberg.common.RecordValues;
import dev.feast.iceberg.online.serving.FeatureColumns;
import dev.feast.iceberg.online.serving.KeyedRow;
import dev.feast.iceberg.online.serving.PartitionedWriter;
import dev.feast.iceberg.online.serving.SnapshotDelta;
import dev.feast.iceberg.online.serving.TaskRows;
import dev.feast.iceberg.spi.ExternalSystemException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.RewriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.util.PropertyUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites an online table to one row per entity key, the winner by (event, created, commit), in
 * few files sorted by key, and drops the keys whose winner is older than the ttl cutoff.
 *
 * <p>Files are compacted per key bucket ({@code bucket(entity_key, N)}, across time partitions for
 * {@code hybrid}); a table without a key bucket ({@code timestamp}) is one group, since a key's
 * rows may lie in several time partitions. A group is rewritten when its files come from more than
 * one commit (a key may then have several rows; one write or one compaction holds each key once, in
 * as many files as it has partitions), when it has delete files, or (with a cutoff) when a file's
 * oldest event may be expired. A run with no such group commits nothing.
 *
 * <p>Safe while writers run: the rewrite is one Iceberg {@link RewriteFiles} commit validated from
 * the snapshot it read, so files appended meanwhile stay as they are (they may hold newer rows; the
 * compacted files do not replace them), and the compacted files keep the data sequence number of
 * that snapshot, so a row appended meanwhile still wins a full tie. A conflicting commit (another
 * compaction or delete of the same files) fails validation; the compaction then starts again from
 * the new snapshot.
 */
final class Compactor {
  private static final Logger log = LoggerFactory.getLogger(Compactor.class);
  private static final int ATTEMPTS = 4;
  private static final int KEY_FIELD_ID = 1;

  private final Table table;
  private final Instant cutoff;
  private final ExecutorService pool;
  private final Runnable beforeCommit;

  /** What one compaction did. */
  record Result(long filesRewritten, long filesWritten, long expiredRowsDeleted) {
    static final Result NONE = new Result(0, 0, 0);
  }

  /** Compacts {@code table}; {@code cutoff} is the ttl bound (null: the view has no ttl). */
  Compactor(Table table, Instant cutoff, ExecutorService pool, Runnable beforeCommit) {
    this.table = table;
    this.cutoff = cutoff;
    this.pool = pool;
    this.beforeCommit = beforeCommit;
  }

  Result compact() {
    for (int attempt = 1; ; attempt++) {
      table.refresh();
      try {
        return compactOnce();
      } catch (ValidationException e) {
        if (attempt == ATTEMPTS) {
          throw new ExternalSystemException(
              ExternalSystemException.CATALOG,
              "Compaction of "
                  + table.name()
                  + " conflicted with "
                  + "other commits "
                  + ATTEMPTS
                  + " times; run maintenance again later",
              e);
        }
        log.info(
            "compaction of {} conflicted with a concurrent commit; retrying: {}",
            table.name(),
            e.getMessage());
      }
    }
  }

  private Result compactOnce() {
    Snapshot base = table.currentSnapshot();
    if (base == null) {
      return Result.NONE;
    }
    Map<Object, List<FileScanTask>> groups = groups(plan(base));
    Set<DataFile> rewritten = new LinkedHashSet<>();
    Set<DeleteFile> deletes = new LinkedHashSet<>();
    List<DataFile> written = new ArrayList<>();
    long expired = 0;
    try {
      for (List<FileScanTask> group : groups.values()) {
        if (!needsWork(group)) {
          continue;
        }
        Merged merged = merge(group);
        expired += merged.expiredRows;
        written.addAll(PartitionedWriter.write(table, merged.survivors, pool));
        group.forEach(
            task -> {
              rewritten.add(task.file());
              deletes.addAll(task.deletes());
            });
      }
      if (rewritten.isEmpty()) {
        return Result.NONE;
      }
      RewriteFiles rewrite =
          table
              .newRewrite()
              .validateFromSnapshot(base.snapshotId())
              .dataSequenceNumber(base.sequenceNumber())
              .set(SnapshotDelta.COMPACTION_PROPERTY, SnapshotDelta.marker(cutoff));
      rewritten.forEach(rewrite::deleteFile);
      deletes.forEach(rewrite::deleteFile);
      written.forEach(rewrite::addFile);
      beforeCommit.run();
      rewrite.commit();
    } catch (CommitStateUnknownException e) {
      throw e;
    } catch (RuntimeException e) {
      written.forEach(file -> table.io().deleteFile(file.location()));
      throw e;
    }
    log.info(
        "compacted {}: {} files into {}, {} expired rows deleted",
        table.name(),
        rewritten.size(),
        written.size(),
        expired);
    return new Result(rewritten.size() + deletes.size(), written.size(), expired);
  }

  private List<FileScanTask> plan(Snapshot base) {
    List<FileScanTask> tasks = new ArrayList<>();
    // Without column stats a planned file has no event-time bounds, and every file would look
    // as if it might hold expired rows.
    try (CloseableIterable<FileScanTask> planned =
        table
            .newScan()
            .useSnapshot(base.snapshotId())
            .includeColumnStats(List.of(FeatureColumns.EVENT_TS))
            .planFiles()) {
      planned.forEach(tasks::add);
    } catch (IOException e) {
      throw ExternalSystemException.storage("Could not plan a scan of " + table.name(), e);
    }
    return tasks;
  }

  /** Files by key bucket; everything in one group when the table has no key bucket. */
  private static Map<Object, List<FileScanTask>> groups(List<FileScanTask> tasks) {
    Map<Object, List<FileScanTask>> groups = new LinkedHashMap<>();
    for (FileScanTask task : tasks) {
      Object group = "all";
      List<PartitionField> fields = task.spec().fields();
      for (int i = 0; i < fields.size(); i++) {
        PartitionField field = fields.get(i);
        if (field.sourceId() == KEY_FIELD_ID && field.transform().toString().startsWith("bucket")) {
          group = field.transform() + "=" + task.file().partition().get(i, Integer.class);
        }
      }
      groups.computeIfAbsent(group, g -> new ArrayList<>()).add(task);
    }
    return groups;
  }

  private boolean needsWork(List<FileScanTask> group) {
    if (group.stream().anyMatch(task -> !task.deletes().isEmpty())) {
      return true;
    }
    Set<Long> commits = new HashSet<>();
    for (FileScanTask task : group) {
      Long commit = task.file().fileSequenceNumber();
      // A v1 table has no sequence numbers (0): each of its files counts as a commit of its own.
      commits.add(commit == null || commit == 0 ? -1L - commits.size() : commit);
    }
    if (commits.size() > 1 || hasSmallFilesToMerge(group)) {
      return true;
    }
    return cutoff != null && group.stream().anyMatch(task -> mayHoldExpired(task.file()));
  }

  /**
   * A partition with two or more small files: one bulk write (a materialization commits all its
   * batches at once) leaves a file per batch, which a rewrite makes one. Files of at least half the
   * target size are left alone, so that a partition the writer had to split is not rewritten again
   * on every run.
   */
  private boolean hasSmallFilesToMerge(List<FileScanTask> group) {
    long small =
        PropertyUtil.propertyAsLong(
                table.properties(),
                TableProperties.WRITE_TARGET_FILE_SIZE_BYTES,
                TableProperties.WRITE_TARGET_FILE_SIZE_BYTES_DEFAULT)
            / 2;
    Set<String> partitions = new HashSet<>();
    for (FileScanTask task : group) {
      if (task.file().fileSizeInBytes() < small) {
        String partition =
            task.spec().specId() + "/" + task.spec().partitionToPath(task.file().partition());
        if (!partitions.add(partition)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean mayHoldExpired(DataFile file) {
    ByteBuffer lower = file.lowerBounds() == null ? null : file.lowerBounds().get(2);
    if (lower == null) {
      return true;
    }
    long micros = lower.duplicate().order(ByteOrder.LITTLE_ENDIAN).getLong();
    return micros < SnapshotDelta.micros(cutoff);
  }

  private record Merged(List<Record> survivors, long expiredRows) {}

  /** The winning row per key of one group, oldest files first, and those not expired. */
  private Merged merge(List<FileScanTask> group) {
    Map<ByteBuffer, Winner> winners = new HashMap<>();
    for (FileScanTask task : group) {
      long sequence = TaskRows.sequence(task.file());
      try (CloseableIterable<Record> records = TaskRows.open(table, task, table.schema(), null)) {
        for (Record record : records) {
          Winner incoming = Winner.of(record, sequence, task.deletes().isEmpty(), table);
          if (incoming != null) {
            winners.merge(incoming.key, incoming, Winner::latest);
          }
        }
      } catch (IOException e) {
        throw ExternalSystemException.storage(
            "Could not read data file " + task.file().location() + " of " + table.name(), e);
      }
    }
    List<Record> survivors = new ArrayList<>(winners.size());
    long expired = 0;
    for (Winner winner : winners.values()) {
      if (cutoff != null && winner.event.isBefore(cutoff)) {
        expired += winner.rows;
      } else {
        survivors.add(winner.record);
      }
    }
    survivors.sort(
        Comparator.comparing((Record r) -> (ByteBuffer) r.get(0), KeyedRow::compareKeys));
    return new Merged(survivors, expired);
  }

  /** The best row of a key so far and how many rows the key had. */
  private static final class Winner {
    final ByteBuffer key;
    final Record record;
    final Instant event;
    final Instant created;
    final long sequence;
    long rows = 1;

    private Winner(ByteBuffer key, Record record, Instant event, Instant created, long sequence) {
      this.key = key;
      this.record = record;
      this.event = event;
      this.created = created;
      this.sequence = sequence;
    }

    static Winner of(Record record, long sequence, boolean exact, Table table) {
      Object key = record.get(0);
      Object event = RecordValues.fromIceberg(record.get(1));
      if (!(key instanceof ByteBuffer buffer) || event == null) {
        return null;
      }
      // Rows read with delete files carry extra columns; write them with the table's schema.
      Record row = record;
      if (!exact) {
        GenericRecord copy = GenericRecord.create(table.schema());
        for (int i = 0; i < copy.size(); i++) {
          copy.set(i, record.get(i));
        }
        row = copy;
      }
      ByteBuffer copy = heap(buffer);
      row.set(0, copy);
      return new Winner(
          copy, row, (Instant) event, (Instant) RecordValues.fromIceberg(record.get(2)), sequence);
    }

    static Winner latest(Winner held, Winner incoming) {
      int order = incoming.event.compareTo(held.event);
      if (order == 0) {
        order =
            Comparator.nullsFirst(Comparator.<Instant>naturalOrder())
                .compare(incoming.created, held.created);
      }
      if (order == 0) {
        order = incoming.sequence >= held.sequence ? 1 : -1;
      }
      Winner best = order > 0 ? incoming : held;
      best.rows = held.rows + incoming.rows;
      return best;
    }

    private static ByteBuffer heap(ByteBuffer buffer) {
      ByteBuffer source = buffer.duplicate();
      byte[] bytes = new byte[source.remaining()];
      source.get(bytes);
      return ByteBuffer.wrap(bytes);
    }
  }
}
