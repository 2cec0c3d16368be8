package dev.feast.iceberg.online;

import dev.feast.iceberg.online.maintenance.TableMaintenance;
import dev.feast.iceberg.online.serving.BulkAppend;
import dev.feast.iceberg.online.serving.ChunkedBatches;
import dev.feast.iceberg.online.serving.FeatureColumns;
import dev.feast.iceberg.online.serving.RowSource;
import dev.feast.iceberg.online.serving.ServingLimits;
import dev.feast.iceberg.online.serving.StoredRow;
import dev.feast.iceberg.online.serving.ViewState;
import dev.feast.iceberg.spi.ColumnBatch;
import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.Remedy;
import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import dev.feast.iceberg.spi.catalog.CatalogProvider;
import dev.feast.iceberg.spi.online.FeatureStatus;
import dev.feast.iceberg.spi.online.FeatureValue;
import dev.feast.iceberg.spi.online.MaintenanceReport;
import dev.feast.iceberg.spi.online.OnlineCapability;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import dev.feast.iceberg.spi.online.OnlineStore;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Iceberg online store: one Iceberg table per feature view holding every write, and per view an
 * in-memory serving state with the winning row of each entity key, which follows the table's
 * snapshots (see {@link ViewState}). A read is a hash lookup per key; it asks the catalog for new
 * snapshots at most once per {@code refresh_interval_ms}, and {@link #refresh()} does it on demand.
 *
 * <p>Writes and reads of a view whose table does not exist fail with a message saying to apply the
 * view first; tables are created only by {@link #update}, so that a typo in a view name never
 * creates a table.
 *
 * <p>{@link #maintain} compacts, deletes expired rows, expires snapshots and deletes orphan files,
 * on demand or every {@code maintenance_interval_ms} on a daemon thread. A view past its serving
 * limits ({@code serving_memory_budget_mb}, {@code serving_max_keys}) is served from its data
 * files, and so is every view with {@code serving_mode: files} (for one-off reads, as the CLI's: no
 * state of the whole view is built). The store's threads (file writing and reading, maintenance)
 * end with {@link #close()}.
 */
public final class IcebergOnlineStore implements OnlineStore {
  private static final Logger log = LoggerFactory.getLogger(IcebergOnlineStore.class);
  private final IcebergOnlineStoreConfig config;
  private final OnlineTables tables;
  private final TtlMode ttlMode;
  private final long refreshIntervalNanos;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final ServingLimits limits;
  private final TableMaintenance maintenance;
  private final ConcurrentHashMap<String, ViewState> states = new ConcurrentHashMap<>();

  /** The views this store has been given, for scheduled maintenance. */
  private final ConcurrentHashMap<String, FeatureView> views = new ConcurrentHashMap<>();

  private final ExecutorService pool;
  private final ScheduledExecutorService scheduler;

  /** Every thread the store started, joined by close(). */
  private final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

  private volatile boolean closed;

  IcebergOnlineStore(IcebergOnlineStoreConfig config, PluginContext context) {
    this(
        config,
        context.catalog(config.catalog()),
        context.project(),
        Clock.systemUTC(),
        System::nanoTime);
  }

  IcebergOnlineStore(
      IcebergOnlineStoreConfig config,
      CatalogProvider catalog,
      String project,
      Clock clock,
      LongSupplier nanoTime) {
    this.config = config;
    this.tables = new OnlineTables(catalog.catalog(), catalog.describe(), project, config);
    this.ttlMode = config.ttlMode();
    this.refreshIntervalNanos = TimeUnit.MILLISECONDS.toNanos(config.refreshIntervalMs());
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.limits =
        config.servingMode() == ServingMode.FILES
            ? ServingLimits.FILES_ONLY
            : new ServingLimits(config.servingMemoryBudgetMb() << 20, config.servingMaxKeys());
    this.maintenance =
        new TableMaintenance(
            Duration.ofMillis(config.snapshotRetentionMs()),
            Duration.ofMillis(config.orphanFileAgeMs()));
    // Twice the cores: reading many small files after a commit waits on the file system too.
    this.pool =
        Executors.newFixedThreadPool(
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors()),
            daemon("feast-online-io-"));
    if (config.maintenanceIntervalMs() > 0) {
      this.scheduler =
          Executors.newSingleThreadScheduledExecutor(daemon("feast-online-maintenance-"));
      scheduler.scheduleWithFixedDelay(
          this::scheduledMaintenance,
          config.maintenanceIntervalMs(),
          config.maintenanceIntervalMs(),
          TimeUnit.MILLISECONDS);
    } else {
      this.scheduler = null;
    }
  }

  @Override
  public void update(List<FeatureView> toKeep, List<FeatureView> toDelete) {
    checkOpen();
    for (FeatureView view : toDelete) {
      drop(view.name());
    }
    for (FeatureView view : toKeep) {
      views.put(view.name(), view);
      if (tables.ensure(view)) {
        // A new table, or new columns: the next access builds the state afresh.
        states.remove(view.name());
      }
    }
  }

  @Override
  public void teardown(List<FeatureView> views) {
    checkOpen();
    for (FeatureView view : views) {
      drop(view.name());
    }
  }

  @Override
  public void write(FeatureView view, List<OnlineRow> rows) {
    checkOpen();
    if (rows.isEmpty()) {
      return;
    }
    ViewState state = state(view);
    try {
      state.write(columns -> RowPreparer.prepare(view, columns, rows));
    } catch (NoSuchTableException e) {
      states.remove(view.name(), state);
      throw tables.missing(view.name(), e);
    } catch (IllegalStateException e) {
      // Iceberg refuses to refresh a table that was dropped and recreated (new table UUID) by
      // another process: serve and write the new table. "Latest wins" makes a retry harmless.
      log.info("online table of view {} was recreated elsewhere; reloading", view.name(), e);
      states.remove(view.name(), state);
      state = state(view);
      state.write(columns -> RowPreparer.prepare(view, columns, rows));
    }
  }

  /**
   * Writes the batches into data files as they come and commits them all in one append at the end:
   * atomic, one batch in memory at a time. The serving state is not loaded for it (a materializing
   * process need not read the table first); a state this store already holds catches up at its next
   * read. A failure (of the iterator too) deletes the files written so far; a process killed midway
   * leaves them unreferenced, for orphan file removal.
   */
  @Override
  public void writeAll(FeatureView view, Iterator<List<OnlineRow>> batches) {
    bulkWrite(
        view,
        append -> {
          while (batches.hasNext()) {
            List<OnlineRow> rows = batches.next();
            if (!rows.isEmpty()) {
              append.add(columns -> RowPreparer.prepare(view, columns, rows));
            }
          }
        });
  }

  /**
   * As {@link #writeAll}, from column batches: their values go into primitive arrays and from there
   * into the Parquet column writers, with no object per value (see {@link ChunkedBatches}).
   */
  @Override
  public void writeBatches(FeatureView view, Iterator<? extends ColumnBatch> batches) {
    bulkWrite(view, append -> ChunkedBatches.write(append, view, batches));
  }

  /** One bulk write: {@code body} writes files, then one commit; a failure deletes the files. */
  private void bulkWrite(FeatureView view, java.util.function.Consumer<BulkAppend> body) {
    checkOpen();
    views.putIfAbsent(view.name(), view);
    try (BulkAppend append = new BulkAppend(tables.load(view), pool)) {
      body.accept(append);
      append.commit();
    } catch (NoSuchTableException e) {
      throw tables.missing(view.name(), e);
    } finally {
      ViewState state = states.get(view.name());
      if (state != null) {
        state.markChanged();
      }
    }
  }

  @Override
  public List<OnlineResult> read(FeatureView view, List<EntityKey> keys, List<String> features) {
    checkOpen();
    for (String feature : features) {
      if (view.feature(feature).isEmpty()) {
        throw new UnknownDefinitionException(
            "Feature '"
                + feature
                + "' is not defined in feature view '"
                + view.name()
                + "'; its features are "
                + view.features().stream().map(Field::name).toList());
      }
    }
    RowSource source = servingState(view).source();
    int[] columns = columns(view, source.columns(), features);
    Instant oldestFresh = view.hasTtl() ? clock.instant().minus(view.ttl()) : null;
    ByteBuffer[] serialized = new ByteBuffer[keys.size()];
    for (int i = 0; i < serialized.length; i++) {
      serialized[i] = ByteBuffer.wrap(keys.get(i).serialize());
    }
    StoredRow[] rows = new StoredRow[serialized.length];
    source.lookup(serialized, rows);
    List<OnlineResult> results = new ArrayList<>(keys.size());
    for (int i = 0; i < rows.length; i++) {
      results.add(result(keys.get(i), rows[i], features, columns, oldestFresh));
    }
    return results;
  }

  /**
   * Asks the catalog for new snapshots of every view this store has served and catches up now, for
   * example right after another process materialized.
   */
  public void refresh() {
    checkOpen();
    states.forEach(
        (name, state) -> {
          try {
            state.refresh();
          } catch (RuntimeException e) {
            // Dropped or recreated elsewhere: the next access loads the table again, or fails
            // saying to apply the view.
            log.info(
                "could not refresh the online table of view {}; reloading it on next use", name, e);
            states.remove(name, state);
          }
        });
  }

  /**
   * Compacts each view's table to one row per key in few sorted files, deleting the keys whose
   * latest value is older than the view's ttl, then expires snapshots older than {@code
   * snapshot_retention_ms} and deletes unreferenced files older than {@code orphan_file_age_ms}.
   * Safe while other writers run; this store's serving state follows without a rebuild.
   */
  @Override
  public List<MaintenanceReport> maintain(List<FeatureView> toMaintain) {
    checkOpen();
    List<MaintenanceReport> reports = new ArrayList<>(toMaintain.size());
    for (FeatureView view : toMaintain) {
      views.put(view.name(), view);
      // A table instance of its own: the serving state's instance is refreshed under its lock.
      Table table = tables.load(view);
      reports.add(maintenance.run(view.name(), table, view.ttl(), clock.instant(), pool));
      ViewState state = states.get(view.name());
      if (state != null) {
        state.refresh();
      }
    }
    return reports;
  }

  @Override
  public String type() {
    return "iceberg";
  }

  @Override
  public Set<OnlineCapability> capabilities() {
    // Appends never conflict: Iceberg retries a fast append on CommitFailedException
    // (commit.retry.num-retries, raised to 10 on our tables), and "latest wins" does not depend
    // on commit order, so concurrent writers lose no update; compaction validates its rewrite
    // against the snapshot it read (see Compactor). writeAll commits its files in one append.
    return EnumSet.of(
        OnlineCapability.TTL,
        OnlineCapability.CONCURRENT_WRITERS,
        OnlineCapability.MAINTENANCE,
        OnlineCapability.ATOMIC_BULK_WRITE,
        OnlineCapability.COLUMNAR_WRITE);
  }

  /**
   * Stops scheduled maintenance and the store's threads, and releases the serving state; the
   * catalog belongs to the runtime and stays open.
   */
  @Override
  public void close() {
    closed = true;
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    pool.shutdownNow();
    try {
      if (scheduler != null && !scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("scheduled online store maintenance did not stop within 30 s");
      }
      pool.awaitTermination(30, TimeUnit.SECONDS);
      // An executor reports termination just before its last worker thread ends.
      for (Thread thread : threads) {
        thread.join(10_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    states.clear();
  }

  /** Whether a view is served from memory (false: past its serving limits); for tests. */
  boolean servesFromMemory(String view) {
    ViewState state = states.get(view);
    return state != null && state.inMemory();
  }

  @Override
  public String toString() {
    return "IcebergOnlineStore[namespace="
        + config.namespace()
        + ", partition_strategy="
        + config.partitionStrategy().configName()
        + ", views served="
        + states.keySet()
        + "]";
  }

  /** The serving state of a view, or null when none is held; for tests. */
  ViewState heldState(String view) {
    return states.get(view);
  }

  private ViewState state(FeatureView view) {
    ViewState state = states.get(view.name());
    if (state != null) {
      return state;
    }
    views.putIfAbsent(view.name(), view);
    return states.computeIfAbsent(
        view.name(), name -> ViewState.load(name, tables.load(view), nanoTime, limits, pool));
  }

  private void scheduledMaintenance() {
    for (FeatureView view : List.copyOf(views.values())) {
      if (closed) {
        return;
      }
      try {
        maintain(List.of(view));
      } catch (RuntimeException e) {
        // The next run tries again; a dropped view is forgotten.
        log.warn("scheduled maintenance of view {} failed", view.name(), e);
        if (e instanceof UnknownDefinitionException) {
          views.remove(view.name(), view);
        }
      }
    }
  }

  private ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      threads.add(thread);
      return thread;
    };
  }

  /** The view's state, caught up with its table when the refresh interval has passed. */
  private ViewState servingState(FeatureView view) {
    ViewState state = state(view);
    try {
      state.refreshIfDue(refreshIntervalNanos);
      return state;
    } catch (NoSuchTableException e) {
      states.remove(view.name(), state);
      throw tables.missing(view.name(), e);
    } catch (IllegalStateException e) {
      log.info("online table of view {} was recreated elsewhere; reloading", view.name(), e);
      states.remove(view.name(), state);
      return state(view);
    }
  }

  private void drop(String view) {
    states.remove(view);
    views.remove(view);
    tables.drop(view);
  }

  private int[] columns(FeatureView view, FeatureColumns table, List<String> features) {
    int[] columns = new int[features.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = table.indexOf(features.get(i));
      if (columns[i] < 0) {
        throw new SchemaMismatchException(
            "Online table of view '"
                + view.name()
                + "' has no column for feature '"
                + features.get(i)
                + "'",
            Remedy.APPLY);
      }
    }
    return columns;
  }

  private OnlineResult result(
      EntityKey key, StoredRow row, List<String> features, int[] columns, Instant oldestFresh) {
    Map<String, FeatureValue> values = new LinkedHashMap<>();
    boolean expired = row != null && oldestFresh != null && row.olderThan(oldestFresh);
    if (row == null || (expired && ttlMode == TtlMode.ABSENT)) {
      features.forEach(feature -> values.put(feature, FeatureValue.NOT_FOUND));
      return new OnlineResult(key, null, values);
    }
    for (int i = 0; i < columns.length; i++) {
      values.put(
          features.get(i),
          expired
              ? new FeatureValue(null, FeatureStatus.OUTSIDE_MAX_AGE)
              : FeatureValue.of(readable(row.value(columns[i]))));
    }
    return new OnlineResult(key, row.eventTimestamp(), values);
  }

  /** Byte buffers are handed out read-only, so a caller cannot move or change the held one. */
  private static Object readable(Object value) {
    if (value instanceof ByteBuffer buffer) {
      return buffer.asReadOnlyBuffer();
    } else if (value instanceof List<?> list
        && list.stream().anyMatch(ByteBuffer.class::isInstance)) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(item == null ? null : ((ByteBuffer) item).asReadOnlyBuffer()));
      return copy;
    }
    return value;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("This Iceberg online store is closed; create a new one");
    }
  }
}
