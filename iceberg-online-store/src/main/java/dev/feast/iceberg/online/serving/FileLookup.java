package dev.feast.iceberg.online.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Comparators;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.SerializableFunction;

/**
 * Serves a view from its data files, for a view past its memory budget. The files of the current
 * snapshot are planned once per snapshot, not per request; a read then opens only the files that
 * can hold a requested key: the key's bucket partition ({@code bucket(entity_key, N)}), and the
 * key within the file's {@code entity_key} bounds (narrow, as files are sorted by key). In those
 * files, Parquet row groups are skipped by their key statistics and bloom filters.
 */
final class FileLookup implements RowSource {
  private static final int KEY_FIELD_ID = 1;
  private static final Comparator<ByteBuffer> UNSIGNED = Comparators.unsignedBytes();

  private final Table table;
  private final FeatureColumns columns;
  private final List<Candidate> files = new ArrayList<>();

  /** A planned file with what prunes it: its key bucket (or -1 when unknown) and key bounds. */
  private record Candidate(
      FileScanTask task, SerializableFunction<Object, Integer> bucketOf, int bucket,
      ByteBuffer lower, ByteBuffer upper) {

    boolean mayHold(ByteBuffer key) {
      if (bucketOf != null && bucketOf.apply(key) != bucket) {
        return false;
      }
      return (lower == null || UNSIGNED.compare(key, lower) >= 0)
          && (upper == null || UNSIGNED.compare(key, upper) <= 0);
    }
  }

  FileLookup(Table table, FeatureColumns columns, List<FileScanTask> tasks) {
    this.table = table;
    this.columns = columns;
    for (FileScanTask task : tasks) {
      files.add(candidate(task));
    }
  }

  @Override
  public FeatureColumns columns() {
    return columns;
  }

  int files() {
    return files.size();
  }

  @Override
  public void lookup(ByteBuffer[] keys, StoredRow[] rows) {
    Map<ByteBuffer, StoredRow> found = new HashMap<>();
    for (Candidate file : files) {
      Set<ByteBuffer> wanted = new HashSet<>();
      for (ByteBuffer key : keys) {
        if (file.mayHold(key)) {
          wanted.add(key);
        }
      }
      if (!wanted.isEmpty()) {
        read(file.task(), wanted, found);
      }
    }
    for (int i = 0; i < keys.length; i++) {
      rows[i] = found.get(keys[i]);
    }
  }

  private void read(FileScanTask task, Set<ByteBuffer> wanted, Map<ByteBuffer, StoredRow> found) {
    long sequence = TaskRows.sequence(task.file());
    try (CloseableIterable<Record> records =
        TaskRows.open(table, task, table.schema(),
            Expressions.in(FeatureColumns.ENTITY_KEY, wanted.toArray()))) {
      for (Record record : records) {
        Object key = record.get(0);
        if (key instanceof ByteBuffer buffer && wanted.contains(buffer)) {
          StoredRow row = TableRecords.fromRecord(columns, record, sequence);
          if (row != null) {
            found.merge(TableRecords.key(record), row, StoredRow::latest);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not read data file " + task.file().location() + " of table " + table.name(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private Candidate candidate(FileScanTask task) {
    PartitionSpec spec = task.spec();
    SerializableFunction<Object, Integer> bucketOf = null;
    int bucket = -1;
    List<PartitionField> fields = spec.fields();
    for (int i = 0; i < fields.size(); i++) {
      PartitionField field = fields.get(i);
      if (field.sourceId() != KEY_FIELD_ID || !field.transform().toString().startsWith("bucket")) {
        continue;
      }
      Integer value = task.file().partition().get(i, Integer.class);
      if (value != null) {
        bucketOf = ((org.apache.iceberg.transforms.Transform<Object, Integer>) field.transform())
            .bind(Types.BinaryType.get());
        bucket = value;
      }
    }
    Map<Integer, ByteBuffer> lowers = task.file().lowerBounds();
    Map<Integer, ByteBuffer> uppers = task.file().upperBounds();
    return new Candidate(task, bucketOf, bucket,
        lowers == null ? null : lowers.get(KEY_FIELD_ID),
        uppers == null ? null : uppers.get(KEY_FIELD_ID));
  }
}
