package dev.feast.iceberg.testsuite;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.annotation.Evolving;
import dev.feast.iceberg.spi.online.OnlineCapability;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import dev.feast.iceberg.spi.online.OnlineStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of {@link OnlineStoreConformance}: a fresh store per test, in a fresh temporary
 * folder, and the shared {@link Dataset} with its window ending on the last full hour (online ttl
 * is measured from now).
 */
@Evolving
public abstract class OnlineConformanceBase {
  @TempDir Path directory;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private OnlineStore store;
  private Dataset dataset;

  /**
   * Creates the store under test, once per test. Whatever it opens that the store does not close (a
   * {@link TestPluginContext}, a server), register with {@link #closeAfterEach}.
   *
   * @param directory a fresh, empty folder for this test
   */
  protected abstract OnlineStore createStore(Path directory);

  /**
   * The entity keys a view's storage holds, as the bytes it stores them as, for N7 (they must be
   * Feast's version-3 serialization). Empty (the default) when the fixture cannot look inside the
   * store; N7's storage check then shows as skipped.
   */
  protected Optional<List<byte[]>> storedEntityKeys(OnlineStore store, FeatureView view) {
    return Optional.empty();
  }

  /** The sources the dataset's views name; online stores only read their names. */
  protected Dataset.SourceFactory sourceFactory() {
    return Dataset.SourceFactory.iceberg(Dataset.NAMESPACE);
  }

  /** Closes {@code resource} after the test, after the store, in reverse order. */
  protected final <T extends AutoCloseable> T closeAfterEach(T resource) {
    resources.add(resource);
    return resource;
  }

  @BeforeEach
  final void openStore() {
    dataset = Dataset.endingNow(sourceFactory());
    store = createStore(directory);
  }

  @AfterEach
  final void closeStore() throws Exception {
    List<AutoCloseable> registered = new ArrayList<>(resources);
    resources.clear();
    Fixtures.closeAll(java.util.Collections.singletonList(store), registered);
  }

  /** The store under test. */
  protected final OnlineStore store() {
    return store;
  }

  /** The dataset, its window ending on the last full hour. */
  protected final Dataset dataset() {
    return dataset;
  }

  /** Skips the test, with the reason, unless the store declares the capability. */
  protected final void requires(OnlineCapability capability) {
    Fixtures.requires(store.type(), store.capabilities(), capability);
  }

  /** Skips the test, with the reason, when the store declares the capability. */
  protected final void requiresNot(OnlineCapability capability) {
    Fixtures.requiresNot(store.type(), store.capabilities(), capability);
  }

  /**
   * Asserts the refusal of an undeclared capability: {@code UnsupportedFeatureException} naming the
   * store's type.
   */
  protected final void assertRefused(
      String caseId, OnlineCapability capability, ThrowingCallable call) {
    Fixtures.assertRefused(caseId, store, store.type(), capability, call);
  }

  /** Creates the views' storage. */
  protected final void create(FeatureView... views) {
    store.update(List.of(views), List.of());
  }

  /** Reads every feature of the view. */
  protected final List<OnlineResult> readAll(FeatureView view, List<EntityKey> keys) {
    return store.read(view, keys, view.features().stream().map(Field::name).toList());
  }

  /** A key of one driver. */
  protected static EntityKey driver(long id) {
    return EntityKey.of("driver_id", id);
  }

  /** A row of some feature values (name, value, name, value...); other features are absent. */
  protected static OnlineRow row(
      EntityKey key, Instant event, Instant created, Object... namesAndValues) {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return new OnlineRow(key, values, event, created);
  }

  /** The same view under another name (its own storage). */
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
