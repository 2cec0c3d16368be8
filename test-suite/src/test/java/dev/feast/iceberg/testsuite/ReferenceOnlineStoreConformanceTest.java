package dev.feast.iceberg.testsuite;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.online.OnlineStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The correct in-memory store passes the whole online suite. */
class ReferenceOnlineStoreConformanceTest extends OnlineStoreConformance {
  private ReferenceOnlineStore reference;

  /** The reference store this class runs on; broken subclasses return a broken one. */
  ReferenceOnlineStore newReference() {
    return new ReferenceOnlineStore();
  }

  /** The store under test around the reference; broken subclasses wrap it. */
  OnlineStore storeUnderTest(ReferenceOnlineStore store) {
    return store;
  }

  @Override
  protected OnlineStore createStore(Path directory) {
    reference = newReference();
    return storeUnderTest(reference);
  }

  @Override
  protected Optional<List<byte[]>> storedEntityKeys(OnlineStore store, FeatureView view) {
    return Optional.of(reference.storedKeys(view));
  }
}
