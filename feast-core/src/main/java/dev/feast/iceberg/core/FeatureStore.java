package dev.feast.iceberg.core;

import dev.feast.iceberg.core.config.ConfigNotices;
import dev.feast.iceberg.core.config.RepoConfig;
import dev.feast.iceberg.core.config.RepoConfigLoader;
import dev.feast.iceberg.core.lock.ProcessLock;
import dev.feast.iceberg.core.materialize.MaterializationLock;
import dev.feast.iceberg.core.materialize.MaterializationResult;
import dev.feast.iceberg.core.materialize.Materializer;
import dev.feast.iceberg.core.online.OnlineReader;
import dev.feast.iceberg.core.online.OnlineResponse;
import dev.feast.iceberg.core.plugin.Plugins;
import dev.feast.iceberg.core.plugin.RuntimeContext;
import dev.feast.iceberg.core.registry.MaterializationInterval;
import dev.feast.iceberg.core.registry.Registry;
import dev.feast.iceberg.core.registry.RegistryState;
import dev.feast.iceberg.spi.Definition;
import dev.feast.iceberg.spi.FeatureService;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.materialize.MaterializationEngine;
import dev.feast.iceberg.spi.materialize.MaterializationStores;
import dev.feast.iceberg.spi.materialize.MaterializationTask;
import dev.feast.iceberg.spi.materialize.MaterializationTaskResult;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineCapability;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.WriteListener;
import dev.feast.iceberg.spi.online.MaintenanceReport;
import dev.feast.iceberg.spi.online.OnlineCapability;
import dev.feast.iceberg.spi.online.OnlineStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A feature repository opened for use: definitions in its registry, an offline store for training
 * data, an online store for serving, and the materialization engine ({@code batch_engine}) that
 * copies the one to the other. The Java counterpart of Feast's {@code FeatureStore}.
 *
 * <pre>{@code
 * try (FeatureStore store = FeatureStore.open(Path.of("my_repo"))) {
 *   store.apply(driver, driverStats);
 *   RowSet training = store.getHistoricalFeatures(entities, List.of("driver_stats:conv_rate"), false).toRowSet();
 *   store.materializeIncremental(Instant.now());
 *   OnlineResponse online = store.getOnlineFeatures(List.of("driver_stats:conv_rate"), List.of(Map.of("driver_id", 1001L)), false);
 * }
 * }</pre>
 */
public final class FeatureStore implements AutoCloseable {
  private final RepoConfig config;
  private final Registry registry;
  private final RuntimeContext context;
  private final OfflineStore offline;
  private final OnlineStore online;

  /** Created on the first materialization: an engine may start a cluster session. */
  private MaterializationEngine engine;

  private final RepoCheck.Stores stores;
  private final Clock clock;

  private FeatureStore(RepoConfig config, RepoCheck.Stores stores, Plugins plugins, Clock clock) {
    this.config = config;
    this.stores = stores;
    this.clock = clock;
    this.registry = Registry.open(config.registryPath(), config.project());
    this.context = new RuntimeContext(config.project(), config.repoPath(), plugins);
    OfflineStore offlineStore = null;
    try {
      offlineStore = stores.offline().create(context);
      this.offline = offlineStore;
      this.online = stores.online().create(context);
    } catch (RuntimeException e) {
      if (offlineStore != null) {
        offlineStore.close();
      }
      context.close();
      throw e;
    }
  }

  /** Opens the feature repository in a folder (or the {@code feature_store.yaml} given). */
  public static FeatureStore open(Path repo) {
    return open(RepoConfigLoader.load(repo), Plugins.discover(), Clock.systemUTC());
  }

  /** Opens a feature repository, reading "now" from {@code clock}. */
  public static FeatureStore open(Path repo, Clock clock) {
    return open(RepoConfigLoader.load(repo), Plugins.discover(), clock);
  }

  /**
   * Opens a loaded configuration with the given plugins and clock, after {@link RepoCheck} found
   * nothing it cannot run; its notices are logged once.
   */
  public static FeatureStore open(RepoConfig config, Plugins plugins, Clock clock) {
    ConfigNotices.log(config);
    return new FeatureStore(config, RepoCheck.check(config, plugins), plugins, clock);
  }

  /** The loaded configuration. */
  public RepoConfig config() {
    return config;
  }

  /** The current definitions. */
  public RegistryState registry() {
    return registry.state();
  }

  /** The offline store. */
  public OfflineStore offlineStore() {
    return offline;
  }

  /** The online store. */
  public OnlineStore onlineStore() {
    return online;
  }

  /** Registers entities, feature views and feature services, and creates their online storage. */
  public void apply(Definition... definitions) {
    apply(Arrays.asList(definitions), List.of());
  }

  /** Registers some definitions and removes others, with their online storage. */
  public void apply(
      Collection<? extends Definition> toApply, Collection<? extends Definition> toDelete) {
    RepoCheck.checkViews(
        stores,
        toApply.stream()
            .filter(FeatureView.class::isInstance)
            .map(FeatureView.class::cast)
            .toList());
    List<FeatureView> drop = new ArrayList<>();
    for (Definition definition : toDelete) {
      if (definition instanceof FeatureView view) {
        drop.add(view);
      }
    }
    // Built on the freshest registry under its lock, so another process's apply is never lost.
    registry.update(
        state -> {
          RegistryState next = Definitions.apply(state, toApply, toDelete, clock.instant());
          online.update(
              next.featureViews().values().stream().filter(FeatureView::online).toList(), drop);
          return next;
        });
  }

  /**
   * Point-in-time features for entity rows; refs are {@code view:feature}. Entity rows from an
   * Iceberg table need an offline store declaring {@link OfflineCapability#ENTITY_TABLE}; others
   * are refused before anything runs.
   */
  public RetrievalJob getHistoricalFeatures(
      EntitySource entities, List<String> featureRefs, boolean fullFeatureNames) {
    requireEntitySource(entities);
    return offline.getHistoricalFeatures(
        new HistoricalRequest(
            entities,
            FeatureResolver.resolve(registry.state(), featureRefs),
            fullFeatureNames,
            false));
  }

  /** Point-in-time features of a feature service for entity rows. */
  public RetrievalJob getHistoricalFeatures(
      EntitySource entities, String featureService, boolean fullFeatureNames) {
    requireEntitySource(entities);
    RegistryState state = registry.state();
    FeatureService service = FeatureResolver.service(state, featureService);
    return offline.getHistoricalFeatures(
        new HistoricalRequest(
            entities, FeatureResolver.resolve(state, service), fullFeatureNames, false));
  }

  private void requireEntitySource(EntitySource entities) {
    if (entities instanceof EntitySource.IcebergTable) {
      StoreCapabilities.require(
          config.offlineStore().type(),
          offline.capabilities(),
          OfflineCapability.ENTITY_TABLE,
          "entity rows from an Iceberg table");
    }
  }

  /** Appends rows to a feature view's offline source (Feast's {@code write_to_offline_store}). */
  public void writeToOfflineStore(String featureView, RowSet rows) {
    writeToOfflineStore(featureView, rows, WriteListener.NONE);
  }

  /** As {@link #writeToOfflineStore(String, RowSet)}, telling a listener how the write advances. */
  public void writeToOfflineStore(String featureView, RowSet rows, WriteListener listener) {
    offline.writeBatch(FeatureResolver.view(registry.state(), featureView), rows, listener);
  }

  /**
   * Copies the latest values in {@code [start, end]} of every online view (or those named) online.
   */
  public List<MaterializationResult> materialize(Instant start, Instant end, String... views) {
    return materialize(start, end, Materializer.Listener.NONE, views);
  }

  /**
   * As {@link #materialize(Instant, Instant, String...)}, telling a listener how it advances. Each
   * view is committed to the online store once and its interval recorded after that; one
   * materialization of a view runs at a time (another waits, across processes too).
   */
  public List<MaterializationResult> materialize(
      Instant start, Instant end, Materializer.Listener listener, String... views) {
    return materialize(selectViews(views), view -> start, end, listener);
  }

  /**
   * Materializes each view from the greatest end of its recorded intervals (Feast's {@code
   * most_recent_end_time}; the first time, from {@code now - ttl} as Feast does, or the epoch for a
   * view without ttl) up to {@code end}.
   */
  public List<MaterializationResult> materializeIncremental(Instant end, String... views) {
    return materializeIncremental(end, Materializer.Listener.NONE, views);
  }

  /** As {@link #materializeIncremental(Instant, String...)}, telling a listener how it advances. */
  public List<MaterializationResult> materializeIncremental(
      Instant end, Materializer.Listener listener, String... views) {
    return materialize(selectViews(views), view -> incrementalStart(view, end), end, listener);
  }

  /** Read under the view's lock, so a run that waited continues where the other one ended. */
  private Instant incrementalStart(FeatureView view, Instant end) {
    List<MaterializationInterval> done =
        registry.state().materializations().getOrDefault(view.name(), List.of());
    Instant start =
        done.stream()
            .map(MaterializationInterval::end)
            .max(Comparator.naturalOrder())
            .orElseGet(
                () ->
                    view.hasTtl()
                        ? clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(view.ttl())
                        : Instant.EPOCH);
    return start.isAfter(end) ? end : start;
  }

  /**
   * Each view under its lock: the engine writes and commits, then the interval is recorded, then
   * the listener hears the view is finished.
   */
  private List<MaterializationResult> materialize(
      List<FeatureView> views,
      Function<FeatureView, Instant> startOf,
      Instant end,
      Materializer.Listener listener) {
    List<MaterializationResult> results = new ArrayList<>();
    for (FeatureView view : views) {
      Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      try (ProcessLock lock =
          MaterializationLock.acquire(config.registryPath(), view, listener, now)) {
        MaterializationTask task = new MaterializationTask(view, startOf.apply(view), end);
        MaterializationTaskResult done = materializationEngine().materialize(task, listener);
        Instant start = done.task().start();
        registry.update(
            state -> withInterval(state, view.name(), new MaterializationInterval(start, end)));
        MaterializationResult result =
            new MaterializationResult(view.name(), start, end, done.rows(), done.skippedRows());
        listener.finished(result);
        results.add(result);
      }
    }
    return results;
  }

  private RegistryState withInterval(
      RegistryState state, String view, MaterializationInterval interval) {
    Map<String, List<MaterializationInterval>> intervals =
        new LinkedHashMap<>(state.materializations());
    List<MaterializationInterval> list = new ArrayList<>(intervals.getOrDefault(view, List.of()));
    list.add(interval);
    intervals.put(view, list);
    return new RegistryState(
        state.project(),
        state.entities(),
        state.featureViews(),
        state.featureServices(),
        intervals,
        clock.instant());
  }

  private List<FeatureView> selectViews(String... names) {
    RegistryState state = registry.state();
    if (names.length == 0) {
      return state.featureViews().values().stream().filter(FeatureView::online).toList();
    }
    return Arrays.stream(names).map(name -> FeatureResolver.view(state, name)).toList();
  }

  /**
   * The latest values of features for entity rows (join key to value); refs are {@code
   * view:feature}.
   */
  public OnlineResponse getOnlineFeatures(
      List<String> featureRefs, List<Map<String, ?>> entityRows, boolean fullFeatureNames) {
    return OnlineReader.read(
        online,
        FeatureResolver.resolve(registry.state(), featureRefs),
        entityRows,
        fullFeatureNames);
  }

  /** The latest values of a feature service's features for entity rows. */
  public OnlineResponse getOnlineFeatures(
      String featureService, List<Map<String, ?>> entityRows, boolean fullFeatureNames) {
    RegistryState state = registry.state();
    return OnlineReader.read(
        online,
        FeatureResolver.resolve(state, FeatureResolver.service(state, featureService)),
        entityRows,
        fullFeatureNames);
  }

  /**
   * Compacts the online storage of every online view (or those named), expires old snapshots and
   * deletes values past their ttl; an online store that does not declare {@link
   * OnlineCapability#MAINTENANCE} is refused up front with {@link
   * dev.feast.iceberg.spi.UnsupportedFeatureException} naming its type.
   */
  public List<MaintenanceReport> maintain(String... views) {
    StoreCapabilities.require(
        config.onlineStore().type(),
        online.capabilities(),
        OnlineCapability.MAINTENANCE,
        "maintenance");
    return online.maintain(selectViews(views));
  }

  /** Removes the online storage of every view; definitions and offline sources stay. */
  public void teardown() {
    online.teardown(new ArrayList<>(registry.state().featureViews().values()));
  }

  /**
   * The materialization engine ({@code batch_engine}), created on first use (a Spark engine starts
   * a session; commands that do not materialize never pay for it).
   */
  public synchronized MaterializationEngine materializationEngine() {
    if (engine == null) {
      engine =
          stores
              .engine()
              .create(
                  context,
                  new MaterializationStores(
                      offline,
                      stores.offline().config(),
                      online,
                      stores.online().config(),
                      config.materializationBatchSize()));
    }
    return engine;
  }

  /** Closes the engine, the stores, then the catalogs they used. */
  @Override
  public void close() {
    try (context) {
      try (offline) {
        try (online) {
          MaterializationEngine created;
          synchronized (this) {
            created = engine;
            engine = null;
          }
          if (created != null) {
            created.close();
          }
        }
      }
    }
  }
}
