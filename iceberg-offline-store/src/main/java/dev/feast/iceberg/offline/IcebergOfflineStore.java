package dev.feast.iceberg.offline;

import dev.feast.iceberg.common.DuckDbSettings;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.catalog.CatalogProvider;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineCapability;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The Iceberg offline store. Reads go through the catalog for every job, so a job sees the tables'
 * latest snapshots; each job runs in a DuckDB database of its own. The catalog belongs to the
 * runtime and is not closed here.
 */
final class IcebergOfflineStore implements OfflineStore {
  private static final Set<OfflineCapability> CAPABILITIES =
      EnumSet.of(
          OfflineCapability.FILTER_BY_CREATED_TIMESTAMP,
          OfflineCapability.ENTITY_FILES,
          OfflineCapability.ENTITY_TABLE,
          OfflineCapability.PARQUET_OUTPUT,
          OfflineCapability.PERSIST,
          OfflineCapability.SQL,
          OfflineCapability.DELETES);

  private final CatalogProvider catalog;
  private final DuckDbSettings settings;
  private final boolean pruning;

  IcebergOfflineStore(CatalogProvider catalog, DuckDbSettings settings, boolean pruning) {
    this.catalog = catalog;
    this.settings = settings;
    this.pruning = pruning;
  }

  @Override
  public RetrievalJob getHistoricalFeatures(HistoricalRequest request) {
    HistoricalRetrieval retrieval = new HistoricalRetrieval(request, catalog.catalog(), pruning);
    retrieval.validate();
    return new DuckDbRetrievalJob(settings, retrieval, catalog.catalog());
  }

  @Override
  public RetrievalJob pullLatest(FeatureView view, Instant start, Instant end) {
    return new DuckDbRetrievalJob(
        settings,
        new PullRetrieval(view, start, end, true, catalog.catalog(), pruning),
        catalog.catalog());
  }

  @Override
  public RetrievalJob pullAll(FeatureView view, Instant start, Instant end) {
    return new DuckDbRetrievalJob(
        settings,
        new PullRetrieval(view, start, end, false, catalog.catalog(), pruning),
        catalog.catalog());
  }

  @Override
  public void writeBatch(FeatureView view, RowSet rows) {
    BatchWriter.write(catalog.catalog(), view, rows);
  }

  @Override
  public Set<OfflineCapability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public void close() {
    // Jobs own their DuckDB connections and the runtime owns the catalog: nothing to release.
  }

  @Override
  public String toString() {
    return "IcebergOfflineStore[" + catalog.describe() + ", pruning=" + pruning + "]";
  }
}
