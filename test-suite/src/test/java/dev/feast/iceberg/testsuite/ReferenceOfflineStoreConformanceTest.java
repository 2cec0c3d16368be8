package dev.feast.iceberg.testsuite;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.offline.OfflineStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The correct in-memory store passes the whole offline suite: the oracle agrees with itself. */
class ReferenceOfflineStoreConformanceTest extends OfflineStoreConformance {
  private ReferenceOfflineStore store;

  /** The reference store; broken subclasses return a broken one. */
  ReferenceOfflineStore newReference() {
    return new ReferenceOfflineStore();
  }

  /** The store this class runs the suite on; broken subclasses wrap it. */
  OfflineStore storeUnderTest(ReferenceOfflineStore reference) {
    return reference;
  }

  @Override
  protected OfflineStore createStore(Path directory) {
    store = newReference();
    return storeUnderTest(store);
  }

  @Override
  protected OfflineStore createStoreWithoutPruning(Path directory) {
    return storeUnderTest(store);
  }

  @Override
  protected void commitDelete(FeatureView view, DeleteKind kind, String column, Object value) {
    String source = view.source().name();
    RowSet rows = store.sourceRows().get(source);
    List<List<Object>> kept = new ArrayList<>();
    for (List<Object> row : rows.rows()) {
      if (!Objects.equals(row.get(rows.indexOf(column)), value)) {
        kept.add(row);
      }
    }
    store.replace(source, new RowSet(rows.columns(), kept));
  }
}
