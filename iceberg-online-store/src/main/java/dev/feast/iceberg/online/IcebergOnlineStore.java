package dev.feast.iceberg.online;

import dev.feast.iceberg.online.serving.FeatureColumns;
import dev.feast.iceberg.online.serving.RowIndex;
import dev.feast.iceberg.online.serving.StoredRow;
import dev.feast.iceberg.online.serving.ViewState;
import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import dev.feast.iceberg.spi.catalog.CatalogProvider;
import dev.feast.iceberg.spi.online.FeatureStatus;
import dev.feast.iceberg.spi.online.FeatureValue;
import dev.feast.iceberg.spi.online.OnlineCapability;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import dev.feast.iceberg.spi.online.OnlineStore;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Iceberg online store: one Iceberg table per feature view holding every write, and per view
 * an in-memory serving state with the winning row of each entity key, which follows the table's
 * snapshots (see {@link ViewState}). A read is a hash lookup per key; it asks the catalog for new
 * snapshots at most once per {@code refresh_interval_ms}, and {@link #refresh()} does it on demand.
 *
 * <p>Writes and reads of a view whose table does not exist fail with a message saying to apply the
 * view first; tables are created only by {@link #update}, so that a typo in a view name never
 * creates a table.
 */
public final class IcebergOnlineStore implements OnlineStore {
  private static final Logger log = LoggerFactory.getLogger(IcebergOnlineStore.class);
  private final IcebergOnlineStoreConfig config;
  private final OnlineTables tables;
  private final TtlMode ttlMode;
  private final long refreshIntervalNanos;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, ViewState> states = new ConcurrentHashMap<>();
  private volatile boolean closed;

  IcebergOnlineStore(IcebergOnlineStoreConfig config, PluginContext context) {
    this(config, context.catalog(config.catalog()), context.project(), Clock.systemUTC(),
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
    this.ttlMode = TtlMode.parse(config.ttlMode());
    this.refreshIntervalNanos = TimeUnit.MILLISECONDS.toNanos(config.refreshIntervalMs());
    this.clock = clock;
    this.nanoTime = nanoTime;
  }

  @Override
  public void update(List<FeatureView> toKeep, List<FeatureView> toDelete) {
    checkOpen();
    for (FeatureView view : toDelete) {
      drop(view.name());
    }
    for (FeatureView view : toKeep) {
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
      state.write(RowPreparer.prepare(view, state.index().columns(), rows));
    } catch (NoSuchTableException e) {
      states.remove(view.name(), state);
      throw tables.missing(view.name(), e);
    } catch (IllegalStateException e) {
      // Iceberg refuses to refresh a table that was dropped and recreated (new table UUID) by
      // another process: serve and write the new table. "Latest wins" makes a retry harmless.
      log.info("online table of view {} was recreated elsewhere; reloading", view.name(), e);
      states.remove(view.name(), state);
      state = state(view);
      state.write(RowPreparer.prepare(view, state.index().columns(), rows));
    }
  }

  @Override
  public List<OnlineResult> read(FeatureView view, List<EntityKey> keys, List<String> features) {
    checkOpen();
    for (String feature : features) {
      if (view.feature(feature).isEmpty()) {
        throw new UnknownDefinitionException(
            "Feature '" + feature + "' is not defined in feature view '" + view.name()
                + "'; its features are " + view.features().stream().map(Field::name).toList());
      }
    }
    RowIndex index = servingState(view).index();
    int[] columns = columns(view, index.columns(), features);
    Instant oldestFresh = view.hasTtl() ? clock.instant().minus(view.ttl()) : null;
    List<OnlineResult> results = new ArrayList<>(keys.size());
    for (EntityKey key : keys) {
      StoredRow row = index.get(ByteBuffer.wrap(key.serialize()));
      results.add(result(key, row, features, columns, oldestFresh));
    }
    return results;
  }

  /**
   * Asks the catalog for new snapshots of every view this store has served and catches up now,
   * for example right after another process materialized.
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
            log.info("could not refresh the online table of view {}; reloading it on next use",
                name, e);
            states.remove(name, state);
          }
        });
  }

  @Override
  public Set<OnlineCapability> capabilities() {
    // Appends never conflict: Iceberg retries a fast append on CommitFailedException
    // (commit.retry.num-retries, raised to 10 on our tables), and "latest wins" does not depend
    // on commit order, so concurrent writers lose no update.
    return EnumSet.of(OnlineCapability.TTL, OnlineCapability.CONCURRENT_WRITERS);
  }

  /** Releases the serving state; the catalog belongs to the runtime and stays open. */
  @Override
  public void close() {
    closed = true;
    states.clear();
  }

  @Override
  public String toString() {
    return "IcebergOnlineStore[namespace=" + config.namespace() + ", partition_strategy="
        + config.partitionStrategy() + ", views served=" + states.keySet() + "]";
  }

  /** The serving state of a view, or null when none is held; for tests. */
  ViewState heldState(String view) {
    return states.get(view);
  }

  private ViewState state(FeatureView view) {
    return states.computeIfAbsent(
        view.name(), name -> ViewState.load(name, tables.load(view), nanoTime));
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
    tables.drop(view);
  }

  private int[] columns(FeatureView view, FeatureColumns table, List<String> features) {
    int[] columns = new int[features.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = table.indexOf(features.get(i));
      if (columns[i] < 0) {
        throw new SchemaMismatchException(
            "Online table of view '" + view.name() + "' has no column for feature '"
                + features.get(i) + "'; run feast apply (OnlineStore.update) to add it");
      }
    }
    return columns;
  }

  private OnlineResult result(
      EntityKey key, StoredRow row, List<String> features, int[] columns, Instant oldestFresh) {
    Map<String, FeatureValue> values = new LinkedHashMap<>();
    boolean expired = row != null && oldestFresh != null
        && row.eventTimestamp().isBefore(oldestFresh);
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
