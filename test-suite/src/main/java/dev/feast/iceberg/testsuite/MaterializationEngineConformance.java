package dev.feast.iceberg.testsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.annotation.Evolving;
import dev.feast.iceberg.spi.materialize.MaterializationEngine;
import dev.feast.iceberg.spi.materialize.MaterializationListener;
import dev.feast.iceberg.spi.materialize.MaterializationTask;
import dev.feast.iceberg.spi.materialize.MaterializationTaskResult;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.online.FeatureStatus;
import dev.feast.iceberg.spi.online.FeatureValue;
import dev.feast.iceberg.spi.online.OnlineCapability;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import dev.feast.iceberg.spi.online.OnlineStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract of a materialization engine ({@code batch_engine}), for any engine over any pair of
 * stores: the {@link Dataset} is written once per class to the offline store (ending on the last
 * full hour, as online ttl is measured from now), and each test materializes into a fresh online
 * store with a fresh engine. Answers are compared with {@link Oracle}'s latest row per key.
 *
 * <ul>
 *   <li>M1: after materializing the whole window, every key of every view reads online as the
 *       latest row within it (ttl applied where the online store declares {@code TTL}); the result
 *       counts one row per key.
 *   <li>M2: only rows within {@code [start, end]} count: materializing the first half then the
 *       second reads as the latest within each.
 *   <li>M3: values past the view's ttl read as {@code OUTSIDE_MAX_AGE} (store with {@code TTL}).
 *   <li>M4: materializing the same interval again changes no answer.
 *   <li>M5: the listener hears started, writing, committing, in this order.
 *   <li>M6: a listener that throws at {@code committing} (the user interrupted) commits nothing,
 *       with an online store declaring {@code ATOMIC_BULK_WRITE}.
 * </ul>
 */
@Evolving
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MaterializationEngineConformance {
  private final List<AutoCloseable> classResources = new ArrayList<>();
  private final List<AutoCloseable> testResources = new ArrayList<>();
  private Path classDirectory;
  private Path testDirectory;
  private OfflineStore offline;
  private OnlineStore online;
  private MaterializationEngine engine;
  private Dataset dataset;

  /**
   * Creates the offline store, once per class; the dataset is written to it. Register what it opens
   * that the store does not close with {@link #closeAfterAll}.
   */
  protected abstract OfflineStore createOfflineStore(Path directory);

  /**
   * Creates an online store, once per test, in a fresh folder. Register what it opens that the
   * store does not close with {@link #closeAfterEach}.
   */
  protected abstract OnlineStore createOnlineStore(Path directory);

  /** Creates the engine under test between these stores, once per test; closed after it. */
  protected abstract MaterializationEngine createEngine(OfflineStore offline, OnlineStore online);

  /** The sources the dataset's views read; by default Iceberg tables in {@code conformance}. */
  protected Dataset.SourceFactory sourceFactory() {
    return Dataset.SourceFactory.iceberg(Dataset.NAMESPACE);
  }

  /** Closes {@code resource} after the test class, in reverse order. */
  protected final <T extends AutoCloseable> T closeAfterAll(T resource) {
    classResources.add(resource);
    return resource;
  }

  /** Closes {@code resource} after the test, in reverse order. */
  protected final <T extends AutoCloseable> T closeAfterEach(T resource) {
    testResources.add(resource);
    return resource;
  }

  @BeforeAll
  final void writeDataset() throws IOException {
    classDirectory = Files.createTempDirectory("feast-engine-conformance");
    offline = createOfflineStore(classDirectory.resolve("offline"));
    dataset = Dataset.endingNow(sourceFactory());
    for (FeatureView view : dataset.views().values()) {
      for (RowSet batch : dataset.batches(view)) {
        offline.writeBatch(view, batch);
      }
    }
  }

  @BeforeEach
  final void openOnlineStoreAndEngine() throws IOException {
    testDirectory = Files.createTempDirectory(classDirectory, "online");
    online = createOnlineStore(testDirectory);
    online.update(views(), List.of());
    engine = createEngine(offline, online);
  }

  @AfterEach
  final void closeOnlineStoreAndEngine() throws Exception {
    List<AutoCloseable> registered = new ArrayList<>(testResources);
    testResources.clear();
    Fixtures.closeAll(java.util.Arrays.asList(engine, online), registered);
  }

  @AfterAll
  final void closeOfflineStore() throws Exception {
    try {
      Fixtures.closeAll(java.util.Collections.singletonList(offline), classResources);
    } finally {
      Fixtures.deleteRecursively(classDirectory);
    }
  }

  /** The offline store holding the dataset. */
  protected final OfflineStore offlineStore() {
    return offline;
  }

  /** The online store of the running test. */
  protected final OnlineStore onlineStore() {
    return online;
  }

  /** The engine of the running test. */
  protected final MaterializationEngine engine() {
    return engine;
  }

  /** The dataset, its window ending on the last full hour before the class started. */
  protected final Dataset dataset() {
    return dataset;
  }

  /** Every view of the dataset, materialized by the tests. */
  protected final List<FeatureView> views() {
    return List.copyOf(dataset.views().values());
  }

  /**
   * Case M1 (Materialize the window), this test: online equals the latest row per key after
   * materializing the window. The rule: After materializing the whole window, every key of every
   * view reads online as the latest row within it (ttl applied where the online store declares
   * TTL); the result counts one row per key. See M1 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("M1: online equals the latest row per key after materializing the window")
  void m1_onlineEqualsTheLatestRowPerKeyAfterMaterializingTheWindow() {
    for (FeatureView view : views()) {
      MaterializationTaskResult result = materialize(view, dataset.start(), dataset.end());
      assertThat(result.rows())
          .as("%s: one row written per key", view.name())
          .isEqualTo(latest(view, dataset.start(), dataset.end()).size());
    }
    new MaterializationCheck(online, dataset, views()).check("after [start, end]", dataset.end());
  }

  /**
   * Case M2 (Interval bounds), this test: only rows within [start, end] count. The rule: Only rows
   * within [start, end] count: the first half then the second read as the latest within each. See
   * M2 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("M2: only rows within [start, end] count")
  void m2_onlyRowsWithinTheIntervalCount() {
    Instant mid = dataset.hour(36);
    for (FeatureView view : views()) {
      materialize(view, dataset.start(), mid);
    }
    new MaterializationCheck(online, dataset, views()).check("after [start, mid]", mid);
    for (FeatureView view : views()) {
      materialize(view, mid, dataset.end());
    }
    new MaterializationCheck(online, dataset, views()).check("after [mid, end]", dataset.end());
  }

  /**
   * Case M3 (TTL after materialization), this test: values past the ttl read as OUTSIDE_MAX_AGE.
   * The rule: Values past the view's ttl read as OUTSIDE_MAX_AGE (online store declaring TTL). See
   * M3 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("M3: values past the ttl read as OUTSIDE_MAX_AGE")
  void m3_valuesPastTheTtlReadAsOutsideMaxAge() {
    Fixtures.requires(online.type(), online.capabilities(), OnlineCapability.TTL);
    // driver_stats with a ttl so short that every value is past it, and one long enough for all.
    FeatureView stats = dataset.driverStats();
    FeatureView expired = renamed(stats, "stats_expired", Duration.ofSeconds(1));
    FeatureView fresh = renamed(stats, "stats_fresh", Duration.ofDays(30));
    online.update(List.of(expired, fresh), List.of());
    materialize(expired, dataset.start(), dataset.end());
    materialize(fresh, dataset.start(), dataset.end());
    List<EntityKey> keys = new ArrayList<>(latest(stats, dataset.start(), dataset.end()).keySet());
    List<String> features = stats.features().stream().map(Field::name).toList();
    assertThat(keys).isNotEmpty();
    for (OnlineResult result : online.read(expired, keys, features)) {
      assertThat(result.features().values())
          .as("%s past a 1 s ttl", result.key())
          .extracting(FeatureValue::status)
          .containsOnly(FeatureStatus.OUTSIDE_MAX_AGE);
    }
    for (OnlineResult result : online.read(fresh, keys, features)) {
      assertThat(result.found()).as("%s within a 30-day ttl", result.key()).isTrue();
      assertThat(result.features().values())
          .extracting(FeatureValue::status)
          .doesNotContain(FeatureStatus.OUTSIDE_MAX_AGE, FeatureStatus.NOT_FOUND);
    }
  }

  /**
   * Case M4 (Idempotence), this test: materializing the same interval again changes no answer. The
   * rule: Materializing the same interval again changes no answer. See M4 in
   * test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("M4: materializing the same interval again changes no answer")
  void m4_materializingTheSameIntervalAgainChangesNoAnswer() {
    Map<FeatureView, List<OnlineResult>> first = new java.util.LinkedHashMap<>();
    for (FeatureView view : views()) {
      materialize(view, dataset.start(), dataset.end());
      first.put(view, readAll(view));
    }
    for (FeatureView view : views()) {
      MaterializationTaskResult again = materialize(view, dataset.start(), dataset.end());
      assertThat(again.rows()).isEqualTo(latest(view, dataset.start(), dataset.end()).size());
      assertThat(readAll(view))
          .as("%s after the same interval again", view.name())
          .usingRecursiveComparison()
          .isEqualTo(first.get(view));
    }
    new MaterializationCheck(online, dataset, views()).check("after twice", dataset.end());
  }

  /**
   * Case M5 (Listener phases), this test: the listener hears started, writing, committing in order.
   * The rule: The listener hears started, writing, committing, in this order. See M5 in
   * test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("M5: the listener hears started, writing, committing in order")
  void m5_theListenerHearsThePhasesInOrder() {
    FeatureView view = dataset.driverStats();
    List<String> heard = new ArrayList<>();
    MaterializationTaskResult result =
        engine.materialize(
            new MaterializationTask(view, dataset.start(), dataset.end()),
            new MaterializationListener() {
              @Override
              public void started(FeatureView v, Instant start, Instant end) {
                heard.add("started " + v.name() + " " + start + " " + end);
              }

              @Override
              public void writing(FeatureView v, long total) {
                heard.add("writing");
              }

              @Override
              public void committing(FeatureView v, long rowsWritten) {
                heard.add("committing " + rowsWritten);
              }
            });
    assertThat(heard)
        .containsExactly(
            "started " + view.name() + " " + dataset.start() + " " + dataset.end(),
            "writing",
            "committing " + result.rows());
  }

  /**
   * Case M6 (Interrupted commit), this test: a listener throwing at commit leaves the online store
   * as it was. The rule: A listener that throws at committing commits nothing (online store
   * declaring ATOMIC_BULK_WRITE). See M6 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("M6: a listener throwing at commit leaves the online store as it was")
  void m6_aListenerThatThrowsAtCommitLeavesTheOnlineStoreAsItWas() {
    Fixtures.requires(online.type(), online.capabilities(), OnlineCapability.ATOMIC_BULK_WRITE);
    FeatureView view = dataset.driverStats();
    Instant mid = dataset.hour(36);
    materialize(view, dataset.start(), mid);
    List<OnlineResult> before = readAll(view);
    MaterializationListener interrupted =
        new MaterializationListener() {
          @Override
          public void committing(FeatureView v, long rowsWritten) {
            throw new IllegalStateException("interrupted by the test");
          }
        };
    assertThatThrownBy(
            () ->
                engine.materialize(new MaterializationTask(view, mid, dataset.end()), interrupted))
        .hasStackTraceContaining("interrupted by the test");
    assertThat(readAll(view))
        .as("nothing of [mid, end] committed")
        .usingRecursiveComparison()
        .isEqualTo(before);
  }

  /** Materializes one view, hearing nothing. */
  protected final MaterializationTaskResult materialize(
      FeatureView view, Instant start, Instant end) {
    return engine.materialize(
        new MaterializationTask(view, start, end), MaterializationListener.NONE);
  }

  /** Every feature of every key the dataset holds for a view (and an unknown key). */
  private List<OnlineResult> readAll(FeatureView view) {
    List<EntityKey> keys = new ArrayList<>(latest(view, dataset.start(), dataset.end()).keySet());
    return online.read(view, keys, view.features().stream().map(Field::name).toList());
  }

  /** The latest online row per key of a view's source rows within {@code [start, end]}. */
  private Map<EntityKey, OnlineRow> latest(FeatureView view, Instant start, Instant end) {
    RowSet source = dataset.sourceRows().get(view.source().name());
    return Oracle.latestOnline(
        Materialization.onlineRows(view, Oracle.pullLatest(view, source, start, end)));
  }

  private static FeatureView renamed(FeatureView view, String name, Duration ttl) {
    return new FeatureView(
        name,
        view.entities(),
        view.entityColumns(),
        view.features(),
        ttl,
        view.source(),
        view.online(),
        view.description(),
        view.tags());
  }
}
