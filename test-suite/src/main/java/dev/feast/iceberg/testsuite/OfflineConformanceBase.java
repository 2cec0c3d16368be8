package dev.feast.iceberg.testsuite;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.annotation.Evolving;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineCapability;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The fixture of {@link OfflineStoreConformance}: one store per test class, in a fresh temporary
 * folder, with the {@link Dataset} written to its sources through {@link OfflineStore#writeBatch}
 * before the first test. Tests that write use sources of their own, so tests do not depend on each
 * other's order.
 */
@Evolving
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OfflineConformanceBase {
  /** How {@link #commitDelete} removes source rows. */
  @Evolving
  public enum DeleteKind {
    /** A position delete file naming the matching rows' file positions. */
    POSITION,
    /** An equality delete on the column. */
    EQUALITY
  }

  private final List<AutoCloseable> resources = new ArrayList<>();
  private Path directory;
  private OfflineStore store;
  private OfflineStore unpruned;
  private boolean unprunedCreated;
  private Dataset dataset;

  /**
   * Creates the store under test, once per test class. Whatever it opens that the store does not
   * close (a {@link TestPluginContext}, a server), register with {@link #closeAfterAll}.
   *
   * @param directory a fresh, empty folder for this test class (a repository folder, a warehouse)
   */
  protected abstract OfflineStore createStore(Path directory);

  /**
   * A second store over the same data with pruning turned off, for O21; null (the default) when the
   * store has no such switch, and O21 shows as skipped. Called after {@link #createStore} with the
   * same folder.
   */
  protected OfflineStore createStoreWithoutPruning(Path directory) {
    return null;
  }

  /**
   * Commits a delete to a view's source: every row whose source column {@code column} equals {@code
   * value}, as a {@code kind} delete. Needed for O20 when the store declares {@link
   * OfflineCapability#DELETES}: O20 then fails, naming this hook, until it is overridden.
   */
  protected void commitDelete(FeatureView view, DeleteKind kind, String column, Object value) {
    throw Fixtures.missingHook("O20", OfflineCapability.DELETES, "commitDelete");
  }

  /** The sources the dataset's views read; by default Iceberg tables in {@code conformance}. */
  protected Dataset.SourceFactory sourceFactory() {
    return Dataset.SourceFactory.iceberg(Dataset.NAMESPACE);
  }

  /** The end of the dataset's window; fixed, so failures reproduce. */
  protected Instant datasetEnd() {
    return Dataset.DEFAULT_END;
  }

  /** Closes {@code resource} after the test class, after the store, in reverse order. */
  protected final <T extends AutoCloseable> T closeAfterAll(T resource) {
    resources.add(resource);
    return resource;
  }

  @BeforeAll
  final void openStoreAndWriteDataset() throws IOException {
    directory = Files.createTempDirectory("feast-offline-conformance");
    store = createStore(directory);
    dataset = Dataset.create(datasetEnd(), sourceFactory());
    for (FeatureView view : dataset.views().values()) {
      for (RowSet batch : dataset.batches(view)) {
        store.writeBatch(view, batch);
      }
    }
  }

  @AfterAll
  final void closeStore() throws Exception {
    try {
      Fixtures.closeAll(java.util.Arrays.asList(unpruned, store), resources);
    } finally {
      Fixtures.deleteRecursively(directory);
    }
  }

  /** The store under test. */
  protected final OfflineStore store() {
    return store;
  }

  /** The store with pruning off; skips the test when there is none. */
  protected final OfflineStore unprunedStore() {
    if (!unprunedCreated) {
      unprunedCreated = true;
      unpruned = createStoreWithoutPruning(directory);
    }
    assumeTrue(
        unpruned != null,
        "O21 skipped: the subclass offers no store with pruning off (createStoreWithoutPruning)");
    return unpruned;
  }

  /** The dataset written to the store. */
  protected final Dataset dataset() {
    return dataset;
  }

  /** Skips the test, with the reason, unless the store declares the capability. */
  protected final void requires(OfflineCapability capability) {
    Fixtures.requires(store.type(), store.capabilities(), capability);
  }

  /** Skips the test, with the reason, when the store declares the capability. */
  protected final void requiresNot(OfflineCapability capability) {
    Fixtures.requiresNot(store.type(), store.capabilities(), capability);
  }

  /**
   * Asserts the refusal of an undeclared capability: {@code UnsupportedFeatureException} naming the
   * store's type.
   */
  protected final void assertRefused(
      String caseId, OfflineCapability capability, ThrowingCallable call) {
    Fixtures.assertRefused(caseId, store, store.type(), capability, call);
  }

  /** Runs a point-in-time retrieval on the store under test. */
  protected final RowSet retrieve(HistoricalRequest request) {
    return retrieve(store, request);
  }

  /** Runs a point-in-time retrieval on a store. */
  protected static RowSet retrieve(OfflineStore on, HistoricalRequest request) {
    try (RetrievalJob job = on.getHistoricalFeatures(request)) {
      return job.toRowSet();
    }
  }

  /** Runs a job and closes it. */
  protected static RowSet run(RetrievalJob job) {
    try (job) {
      return job.toRowSet();
    }
  }

  /** A request over entity rows held in memory. */
  protected static HistoricalRequest request(
      RowSet entities, boolean fullFeatureNames, ViewSelection... views) {
    return new HistoricalRequest(
        EntitySource.of(entities), List.of(views), fullFeatureNames, false);
  }

  /** The oracle's answer over the dataset. */
  protected final RowSet expected(HistoricalRequest request) {
    return Oracle.historical(request, dataset.sourceRows());
  }

  /** The same view with another ttl (same name and source). */
  protected static FeatureView withTtl(FeatureView view, Duration ttl) {
    return new FeatureView(
        view.name(),
        view.entities(),
        view.entityColumns(),
        view.features(),
        ttl,
        view.source(),
        view.online(),
        view.description(),
        view.tags());
  }

  /** The same view under another name, optionally with another source. */
  protected static FeatureView renamed(FeatureView view, String name) {
    return new FeatureView(
        name,
        view.entities(),
        view.entityColumns(),
        view.features(),
        view.ttl(),
        view.source(),
        view.online(),
        view.description(),
        view.tags());
  }
}
