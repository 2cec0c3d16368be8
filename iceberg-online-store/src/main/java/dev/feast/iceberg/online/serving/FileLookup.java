package dev.feast.iceberg.online.serving;

import dev.feast.iceberg.spi.ExternalSystemException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.transforms.Transform;
import org.apache.iceberg.types.Comparators;
import org.apache.iceberg.types.Types;

/**
 * Serves a view from its data files: for a view past its memory budget, or one that may not be held
 * in memory ({@code serving_mode: files}). The files of the current snapshot are planned once per
 * snapshot, not per request; a read then opens only the files that can hold a requested key: the
 * key's bucket partition ({@code bucket(entity_key, N)}; time partitions cannot tell where a key
 * is), and the key within the file's {@code entity_key} bounds. Within a file, the row groups whose
 * key bounds or bloom filter rule every requested key out are skipped ({@link PagedFile}, read once
 * per file), and the matched rows of the pages that can hold a key are read straight from the page
 * bytes ({@link PlainRows}); files of another layout go through Iceberg's reader ({@link PageRows},
 * or whole row groups with delete files applied). The winner per key is chosen as in memory (see
 * {@link StoredRow}).
 */
final class FileLookup implements RowSource {
  private static final int KEY_FIELD_ID = 1;
  private static final Comparator<ByteBuffer> UNSIGNED = Comparators.unsignedBytes();
  private static final int WORKERS = Runtime.getRuntime().availableProcessors();

  private final Table table;
  private final FeatureColumns columns;
  private final ExecutorService pool;
  private final List<Candidate> files = new ArrayList<>();
  private final Map<String, PagedFile> described = new ConcurrentHashMap<>();

  /** The mappings of the local files read, kept while the files are in a snapshot. */
  private final Map<String, MappedInputFile> mapped = new ConcurrentHashMap<>();

  /** Per file, how {@link PlainRows} reads it; empty for a file it cannot read. */
  private final Map<String, Optional<PlainRows.Layout>> layouts = new ConcurrentHashMap<>();

  /** A planned file with what prunes it: its key bucket (or none) and key bounds. */
  private record Candidate(
      FileScanTask task,
      Function<Object, Integer> bucketOf,
      int bucket,
      ByteBuffer lower,
      ByteBuffer upper) {

    /** Whether the file may hold the key, whose bucket under this file's spec is {@code of}. */
    boolean mayHold(ByteBuffer key, int of) {
      if (bucketOf != null && of != bucket) {
        return false;
      }
      return (lower == null || UNSIGNED.compare(key, lower) >= 0)
          && (upper == null || UNSIGNED.compare(key, upper) <= 0);
    }
  }

  /** A file to read and the requested keys it may hold. */
  private record Read(FileScanTask task, Set<ByteBuffer> wanted) {}

  FileLookup(Table table, FeatureColumns columns, List<FileScanTask> tasks, ExecutorService pool) {
    this(table, columns, tasks, pool, null);
  }

  /**
   * A lookup of a new snapshot that keeps what {@code previous} (the lookup of an earlier one, or
   * any other source) read of the files both snapshots hold: files never change, so their footers
   * and indexes stay valid.
   */
  FileLookup(
      Table table,
      FeatureColumns columns,
      List<FileScanTask> tasks,
      ExecutorService pool,
      RowSource previous) {
    this.table = table;
    this.columns = columns;
    this.pool = pool;
    Map<Integer, BucketField> buckets = new HashMap<>();
    for (FileScanTask task : tasks) {
      int spec = task.spec().specId();
      if (!buckets.containsKey(spec)) {
        buckets.put(spec, BucketField.of(task.spec()));
      }
      files.add(candidate(task, buckets.get(spec)));
      if (previous instanceof FileLookup earlier) {
        PagedFile kept = earlier.described.get(task.file().location());
        if (kept != null) {
          described.put(task.file().location(), kept);
        }
        MappedInputFile mapping = earlier.mapped.get(task.file().location());
        if (mapping != null) {
          mapped.put(task.file().location(), mapping);
        }
      }
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
    Map<ByteBuffer, StoredRow> found = new ConcurrentHashMap<>();
    List<Read> reads = reads(keys);
    // A few workers, the caller one of them, take the next file until none is left: a hand-off
    // per file cost more than reading one, whose pages were mostly read already.
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement(); i < reads.size(); i = next.getAndIncrement()) {
            read(reads.get(i), found);
          }
        };
    int helpers = Math.min(reads.size(), WORKERS) - 1;
    List<Future<?>> pending = new ArrayList<>(Math.max(0, helpers));
    for (int h = 0; h < helpers; h++) {
      pending.add(pool.submit(worker));
    }
    try {
      worker.run();
    } finally {
      IndexLoader.await(pending);
    }
    for (int i = 0; i < keys.length; i++) {
      rows[i] = found.get(keys[i]);
    }
  }

  /**
   * The files to read and the keys each may hold. Each read gets buffers of its own: Parquet's
   * bloom filter check moves a key buffer's position while it hashes it, so reads running at once
   * must not share one.
   */
  private List<Read> reads(ByteBuffer[] keys) {
    List<Read> reads = new ArrayList<>();
    // Each key's bucket is hashed once per partition spec, not once per file.
    Map<Function<Object, Integer>, int[]> buckets = new IdentityHashMap<>();
    for (Candidate file : files) {
      int[] of =
          file.bucketOf() == null
              ? null
              : buckets.computeIfAbsent(file.bucketOf(), function -> bucketsOf(function, keys));
      Set<ByteBuffer> wanted = new HashSet<>();
      for (int k = 0; k < keys.length; k++) {
        if (file.mayHold(keys[k], of == null ? -1 : of[k])) {
          wanted.add(keys[k].duplicate());
        }
      }
      if (!wanted.isEmpty()) {
        reads.add(new Read(file.task(), wanted));
      }
    }
    return reads;
  }

  private static int[] bucketsOf(Function<Object, Integer> function, ByteBuffer[] keys) {
    int[] buckets = new int[keys.length];
    for (int k = 0; k < keys.length; k++) {
      buckets[k] = function.apply(keys[k].duplicate());
    }
    return buckets;
  }

  private void read(Read read, Map<ByteBuffer, StoredRow> found) {
    FileScanTask task = read.task();
    Set<ByteBuffer> wanted = read.wanted();
    long sequence = TaskRows.sequence(task.file());
    Consumer<Record> match =
        record -> {
          Object key = record.get(0);
          if (key instanceof ByteBuffer buffer && wanted.contains(buffer)) {
            StoredRow row = TableRecords.fromRecord(columns, record, sequence);
            if (row != null) {
              found.merge(TableRecords.key(record), row, StoredRow::latest);
            }
          }
        };
    try {
      if (!task.deletes().isEmpty() || task.file().format() != FileFormat.PARQUET) {
        readWhole(task, wanted, match);
        return;
      }
      try (LocalCopies.Opened opened = LocalCopies.open(table.io(), task.file(), mapped)) {
        PagedFile paged = described(task, opened);
        PlainRows.Layout layout = layout(task, paged);
        if (layout != null) {
          PlainRows.read(
              opened.input().bytes(),
              paged,
              layout,
              columns,
              wanted,
              sequence,
              (key, row) -> found.merge(key, row, StoredRow::latest));
        } else if (PageRows.readable(paged)) {
          PageRows.read(opened.input(), paged, table.schema(), new ArrayList<>(wanted), match);
        } else {
          readWhole(task, wanted, match);
        }
      }
    } catch (IOException e) {
      throw ExternalSystemException.storage(
          "Could not read data file " + task.file().location() + " of table " + table.name(), e);
    }
  }

  /** The file's footer, bloom filters and key page indexes, read on its first lookup. */
  private PagedFile described(FileScanTask task, LocalCopies.Opened opened) throws IOException {
    String location = task.file().location();
    PagedFile paged = described.get(location);
    if (paged == null) {
      paged = PageRows.describe(opened.input());
      PagedFile raced = described.putIfAbsent(location, paged);
      paged = raced == null ? paged : raced;
    }
    return paged;
  }

  /** How {@link PlainRows} reads the file, worked out on its first lookup; null if it cannot. */
  private PlainRows.Layout layout(FileScanTask task, PagedFile paged) {
    return layouts
        .computeIfAbsent(
            task.file().location(),
            location ->
                Optional.ofNullable(
                    PageRows.readable(paged)
                        ? PlainRows.layout(paged, table.schema(), columns)
                        : null))
        .orElse(null);
  }

  /**
   * Reads a file through Iceberg's reader, with its delete files applied: whole row groups, those
   * the key filter does not rule out.
   */
  private void readWhole(FileScanTask task, Set<ByteBuffer> wanted, Consumer<Record> match)
      throws IOException {
    try (CloseableIterable<Record> records =
        TaskRows.open(
            table,
            task,
            table.schema(),
            Expressions.in(FeatureColumns.ENTITY_KEY, wanted.toArray()))) {
      records.forEach(match);
    }
  }

  private static Candidate candidate(FileScanTask task, BucketField bucket) {
    Function<Object, Integer> bucketOf = null;
    int value = -1;
    if (bucket != null) {
      Integer held = task.file().partition().get(bucket.position(), Integer.class);
      if (held != null) {
        bucketOf = bucket.function();
        value = held;
      }
    }
    Map<Integer, ByteBuffer> lowers = task.file().lowerBounds();
    Map<Integer, ByteBuffer> uppers = task.file().upperBounds();
    return new Candidate(
        task,
        bucketOf,
        value,
        lowers == null ? null : lowers.get(KEY_FIELD_ID),
        uppers == null ? null : uppers.get(KEY_FIELD_ID));
  }

  /**
   * The {@code bucket(entity_key, N)} field of a partition spec: its position and function; null
   * for a spec without one.
   */
  private record BucketField(int position, Function<Object, Integer> function) {
    @SuppressWarnings("unchecked")
    static BucketField of(PartitionSpec spec) {
      List<PartitionField> fields = spec.fields();
      for (int i = 0; i < fields.size(); i++) {
        PartitionField field = fields.get(i);
        if (field.sourceId() == KEY_FIELD_ID && field.transform().toString().startsWith("bucket")) {
          return new BucketField(
              i,
              ((Transform<Object, Integer>) field.transform()).bind(Types.BinaryType.get())::apply);
        }
      }
      return null;
    }
  }
}
