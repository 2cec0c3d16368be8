package dev.feast.iceberg.offline;

import dev.feast.iceberg.common.DuckDbSettings;
import dev.feast.iceberg.common.Micros;
import dev.feast.iceberg.common.cache.FileCache;
import dev.feast.iceberg.offline.entity.DateRangeEntities;
import dev.feast.iceberg.offline.retrieval.HistoricalRetrieval;
import dev.feast.iceberg.offline.retrieval.PullRetrieval;
import dev.feast.iceberg.offline.retrieval.QueryPreparer;
import dev.feast.iceberg.offline.write.BatchWriter;
import dev.feast.iceberg.spi.Closeables;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.InvalidRequestException;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.catalog.CatalogProvider;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineCapability;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.ViewSelection;
import dev.feast.iceberg.spi.offline.WriteListener;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.iceberg.catalog.Catalog;

/**
 * The Iceberg offline store. Reads go through the catalog for every job, so a job sees the tables'
 * latest snapshots; each job runs in a DuckDB database of its own. The catalog belongs to the
 * runtime and is not closed here.
 */
final class IcebergOfflineStore implements OfflineStore {
  private static final Set<OfflineCapability> CAPABILITIES =
      EnumSet.of(
          OfflineCapability.FILTER_BY_CREATED_TIMESTAMP,
          OfflineCapability.ENTITY_TABLE,
          OfflineCapability.PERSIST,
          OfflineCapability.DELETES,
          OfflineCapability.DATE_RANGE_RETRIEVAL);

  private final CatalogProvider catalog;
  private final DuckDbSettings settings;
  private final boolean pruning;
  private final FileCache cache;
  // Jobs not closed yet: close() closes them, so no DuckDB database outlives the store.
  private final Set<IcebergRetrievalJob> openJobs = ConcurrentHashMap.newKeySet();

  IcebergOfflineStore(
      CatalogProvider catalog, DuckDbSettings settings, boolean pruning, FileCache cache) {
    this.catalog = catalog;
    this.settings = settings;
    this.pruning = pruning;
    this.cache = cache;
  }

  @Override
  public RetrievalJob getHistoricalFeatures(HistoricalRequest request) {
    HistoricalRetrieval retrieval = new HistoricalRetrieval(request, catalog.catalog(), pruning);
    retrieval.validate();
    return job(settings, retrieval, catalog.catalog(), cache);
  }

  @Override
  public RetrievalJob pullLatest(FeatureView view, Instant start, Instant end) {
    return job(
        settings,
        new PullRetrieval(view, start, end, true, catalog.catalog(), pruning),
        catalog.catalog(),
        cache);
  }

  @Override
  public RetrievalJob pullAll(FeatureView view, Instant start, Instant end) {
    return job(
        settings,
        new PullRetrieval(view, start, end, false, catalog.catalog(), pruning),
        catalog.catalog(),
        cache);
  }

  @Override
  public RetrievalJob getHistoricalFeaturesBetween(
      List<ViewSelection> views, Instant start, Instant end, boolean fullFeatureNames) {
    if (end.isBefore(start)) {
      throw new InvalidRequestException(
          "Date range ends (" + end + ") before it starts (" + start + ")");
    }
    // Output names collide as in a request with entity rows: let the request's own check say so.
    new HistoricalRequest(
        new EntitySource.Rows(RowSet.builder().build()), views, fullFeatureNames, false);
    DateRangeEntities.columns(views);
    long startMicros = Micros.of(start);
    long endMicros = Micros.of(end);
    HistoricalRetrieval retrieval =
        new HistoricalRetrieval(
            views,
            fullFeatureNames,
            false,
            null,
            (connection, locator) ->
                DateRangeEntities.load(
                    connection, locator, views, startMicros, endMicros, catalog.catalog(), pruning),
            catalog.catalog(),
            pruning);
    retrieval.validate();
    return job(settings, retrieval, catalog.catalog(), cache);
  }

  @Override
  public void writeBatch(FeatureView view, RowSet rows) {
    writeBatch(view, rows, WriteListener.NONE);
  }

  @Override
  public void writeBatch(FeatureView view, RowSet rows, WriteListener listener) {
    BatchWriter.write(catalog.catalog(), view, rows, listener);
  }

  @Override
  public String type() {
    return "iceberg";
  }

  @Override
  public Set<OfflineCapability> capabilities() {
    return CAPABILITIES;
  }

  private IcebergRetrievalJob job(
      DuckDbSettings settings, QueryPreparer preparer, Catalog catalog, FileCache cache) {
    IcebergRetrievalJob[] holder = new IcebergRetrievalJob[1];
    holder[0] =
        new IcebergRetrievalJob(
            settings, preparer, catalog, cache, () -> openJobs.remove(holder[0]));
    openJobs.add(holder[0]);
    return holder[0];
  }

  /**
   * Closes the jobs the user left open (their DuckDB databases and cache leases). The runtime owns
   * the catalog, and the file cache is an index of files on disk shared by the JVM's stores.
   */
  @Override
  public void close() {
    Closeables.closeAll(List.copyOf(openJobs));
  }

  @Override
  public String toString() {
    return "IcebergOfflineStore[" + catalog.describe() + ", pruning=" + pruning + "]";
  }
}
