package dev.feast.iceberg.online.serving;

import dev.feast.iceberg.spi.ExternalSystemException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving state of one feature view: the winning row per entity key of its table, kept in
 * memory and brought up to date with the table's snapshots; or, once the view is past its {@link
 * ServingLimits} (or when it may not be held in memory at all), the table's planned data files,
 * read per request ({@link FileLookup}).
 *
 * <p>Reads never touch the catalog or plan a scan: they look keys up in the current {@link
 * RowSource}. Catching up costs one catalog round trip ({@link Table#refresh()}) at most once per
 * refresh interval, then reads only the data files appended since the snapshot the state was built
 * from ({@link SnapshotDelta}); this store's compactions are applied without reading a file.
 * Because "latest (event, created, commit) wins" is commutative and idempotent, files can be
 * applied in any number of steps and in parallel; any other snapshot makes the state rebuild from a
 * full scan, swapped in whole so that readers never see it half built.
 *
 * <p>Writes, refreshes and rebuilds of one view are serialized by a lock; reads take no lock.
 */
public final class ViewState {
  private static final Logger log = LoggerFactory.getLogger(ViewState.class);

  private final String view;
  private final Table table;
  private final LongSupplier nanoTime;
  private final ServingLimits limits;
  private final ExecutorService pool;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile RowSource source;
  private volatile Long builtFrom;
  private volatile long lastRefreshNanos;
  private volatile boolean stale;

  private ViewState(
      String view, Table table, LongSupplier nanoTime, ServingLimits limits, ExecutorService pool) {
    this.view = view;
    this.table = table;
    this.nanoTime = nanoTime;
    this.limits = limits;
    this.pool = pool;
  }

  /**
   * Builds the state of a view from its table's current snapshot; files are written and read on
   * {@code pool}.
   */
  public static ViewState load(
      String view, Table table, LongSupplier nanoTime, ServingLimits limits, ExecutorService pool) {
    ViewState state = new ViewState(view, table, nanoTime, limits, pool);
    state.lock.lock();
    try {
      state.rebuild(table.currentSnapshot());
      state.lastRefreshNanos = nanoTime.getAsLong();
    } finally {
      state.lock.unlock();
    }
    return state;
  }

  /** Where reads find rows now; use one source for a whole request. */
  public RowSource source() {
    return source;
  }

  /** The in-memory index, or null when the view is served from its files. */
  public RowIndex index() {
    return source instanceof RowIndex index ? index : null;
  }

  /** Whether the view is held in memory (false: past its limits, served from files). */
  public boolean inMemory() {
    return source instanceof RowIndex;
  }

  /** The table this state follows. */
  public Table table() {
    return table;
  }

  /**
   * Catches up with the table when the last check is at least {@code intervalNanos} old. Never
   * waits: when another thread is writing or refreshing the view, the current state is served.
   */
  public void refreshIfDue(long intervalNanos) {
    if (!stale && nanoTime.getAsLong() - lastRefreshNanos < intervalNanos) {
      return;
    }
    if (lock.tryLock()) {
      try {
        refreshLocked();
      } finally {
        lock.unlock();
      }
    }
  }

  /** Asks the catalog for the table's latest snapshot and catches up with it now. */
  public void refresh() {
    lock.lock();
    try {
      refreshLocked();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Appends rows as one commit and applies them to the state before returning, so the next read of
   * this instance sees them. {@code prepare} turns the caller's rows into rows aligned with the
   * given columns and sorted by key; it runs under the view's lock, after any schema change made
   * elsewhere has been caught up with.
   */
  public void write(Function<FeatureColumns, List<KeyedRow>> prepare) {
    lock.lock();
    try {
      if (source.columns().schemaId() != table.schema().schemaId()) {
        // Another process changed the schema; align the state first so records and rows agree.
        table.refresh();
        rebuild(table.currentSnapshot());
      }
      FeatureColumns columns = source.columns();
      List<KeyedRow> rows = prepare.apply(columns);
      if (rows.isEmpty()) {
        return;
      }
      // Until caught up, the next read must check the table (the commit may have landed).
      stale = true;
      List<DataFile> written = TableAppend.writeFiles(table, columns, rows, pool);
      TableAppend.commit(table, written);
      Set<String> own = new HashSet<>();
      written.forEach(file -> own.add(file.location()));
      // The commit refreshed the table, so this counts as a catalog check.
      lastRefreshNanos = nanoTime.getAsLong();
      catchUp(own, rows);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Makes the next read catch up with the table, for a commit made through another instance of it
   * (a bulk write). Taken under the lock, so a refresh in flight cannot clear it unseen.
   */
  public void markChanged() {
    lock.lock();
    try {
      stale = true;
    } finally {
      lock.unlock();
    }
  }

  private void refreshLocked() {
    long started = System.nanoTime();
    Snapshot before = table.currentSnapshot();
    table.refresh();
    lastRefreshNanos = nanoTime.getAsLong();
    long refreshed = System.nanoTime();
    catchUp(Set.of(), List.of());
    if (log.isDebugEnabled() && table.currentSnapshot() != before) {
      log.debug(
          "view {}: catalog check {} us, caught up in {} us",
          view,
          (refreshed - started) / 1000,
          (System.nanoTime() - refreshed) / 1000);
    }
  }

  /**
   * Applies the snapshots committed since {@link #builtFrom}; the files in {@code ownFiles} hold
   * {@code ownRows}, which are applied from memory.
   */
  private void catchUp(Set<String> ownFiles, List<KeyedRow> ownRows) {
    stale = true;
    Snapshot current = table.currentSnapshot();
    Long currentId = current == null ? null : current.snapshotId();
    if (source.columns().schemaId() != table.schema().schemaId()) {
      rebuild(current);
    } else if (!Objects.equals(currentId, builtFrom)) {
      long started = System.nanoTime();
      List<SnapshotDelta.Step> steps =
          source instanceof RowIndex ? SnapshotDelta.since(table, builtFrom, current) : null;
      if (steps == null) {
        rebuild(current);
      } else {
        RowIndex index = (RowIndex) source;
        long planned = System.nanoTime();
        new IndexLoader(table, index, pool).apply(steps, ownFiles, ownRows);
        if (log.isDebugEnabled()) {
          log.debug(
              "view {}: {} snapshots' changes listed in {} us, applied in {} us",
              view,
              steps.size(),
              (planned - started) / 1000,
              (System.nanoTime() - planned) / 1000);
        }
        builtFrom = currentId;
        if (limits.exceededBy(index)) {
          serveFromFiles(current, index);
        }
      }
    }
    stale = false;
  }

  private void rebuild(Snapshot current) {
    FeatureColumns columns = FeatureColumns.of(table.schema());
    List<FileScanTask> tasks = current == null ? List.of() : plan(current);
    if (limits.inMemory() && (source == null || source instanceof RowIndex)) {
      RowIndex fresh = new RowIndex(columns);
      if (new IndexLoader(table, fresh, pool).load(tasks, limits)) {
        source = fresh;
        builtFrom = current == null ? null : current.snapshotId();
        log.debug("view {}: rebuilt serving state with {} keys", view, fresh.size());
        return;
      }
      log.info(
          "view {}: past its serving limits {} while loading {} data files; serving it"
              + " from its data files",
          view,
          limits,
          tasks.size());
    }
    source = new FileLookup(table, columns, tasks, pool, source);
    builtFrom = current == null ? null : current.snapshotId();
  }

  private void serveFromFiles(Snapshot current, RowIndex index) {
    log.info(
        "view {}: {} keys, about {} MB, past its serving limits {}; serving it from its"
            + " data files",
        view,
        index.size(),
        index.estimatedBytes() >> 20,
        limits);
    source = new FileLookup(table, index.columns(), plan(current), pool);
  }

  private List<FileScanTask> plan(Snapshot current) {
    List<FileScanTask> tasks = new ArrayList<>();
    // The key bounds are what FileLookup prunes files by; a scan drops column stats otherwise.
    try (CloseableIterable<FileScanTask> planned =
        table
            .newScan()
            .useSnapshot(current.snapshotId())
            .includeColumnStats(List.of(FeatureColumns.ENTITY_KEY))
            .planFiles()) {
      planned.forEach(tasks::add);
    } catch (IOException e) {
      throw ExternalSystemException.storage("Could not plan a scan of " + table.name(), e);
    }
    return tasks;
  }

  /** The serialized key of a request, as the index's keys are held. */
  public static ByteBuffer key(byte[] serialized) {
    return ByteBuffer.wrap(serialized);
  }
}
