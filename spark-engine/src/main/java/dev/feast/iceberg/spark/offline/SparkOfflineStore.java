package dev.feast.iceberg.spark.offline;

import dev.feast.iceberg.offline.scan.SourceTables;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.InvalidRequestException;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.catalog.CatalogProvider;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineCapability;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.RetrievalMetadata;
import dev.feast.iceberg.spi.offline.ViewSelection;
import dev.feast.iceberg.spi.offline.WriteListener;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark offline store: retrievals are Spark plans over the project's Iceberg catalog, run on
 * whatever {@code spark.master} the session has (local threads, a standalone cluster, YARN,
 * Kubernetes). The catalog belongs to the runtime; the session is stopped on close only when the
 * store created it.
 */
public final class SparkOfflineStore implements OfflineStore {
  private static final Set<OfflineCapability> CAPABILITIES =
      EnumSet.of(
          OfflineCapability.FILTER_BY_CREATED_TIMESTAMP,
          OfflineCapability.ENTITY_TABLE,
          OfflineCapability.PERSIST,
          OfflineCapability.DELETES,
          OfflineCapability.DATE_RANGE_RETRIEVAL);

  private final SparkSession spark;
  private final boolean ownsSession;
  private final CatalogProvider catalog;
  private final String sparkCatalog;
  private final String handle;
  private final boolean pruning;

  private SparkOfflineStore(
      SparkSession spark,
      boolean ownsSession,
      CatalogProvider catalog,
      String sparkCatalog,
      boolean pruning) {
    this.spark = spark;
    this.ownsSession = ownsSession;
    this.catalog = catalog;
    this.sparkCatalog = sparkCatalog;
    this.pruning = pruning;
    this.handle = ProjectSparkCatalog.register(spark, sparkCatalog, catalog.catalog());
  }

  /**
   * A store on the host application's session (a library user already inside Spark): the session
   * gets catalog {@code sparkCatalog} for the project's tables and is left running on close.
   */
  public static SparkOfflineStore on(
      SparkSession session, CatalogProvider catalog, String sparkCatalog) {
    return new SparkOfflineStore(session, false, catalog, sparkCatalog, true);
  }

  /** A store on {@code session}, which it stops on close when it {@code owns} it. */
  static SparkOfflineStore of(
      SparkSession session,
      boolean owns,
      CatalogProvider catalog,
      String sparkCatalog,
      boolean pruning) {
    return new SparkOfflineStore(session, owns, catalog, sparkCatalog, pruning);
  }

  /** A second store on the same session and catalog, with pruning on or off. */
  public SparkOfflineStore withPruning(boolean value) {
    return new SparkOfflineStore(spark, false, catalog, sparkCatalog, value);
  }

  /** The Iceberg catalog the store reads and writes (owned by the runtime). */
  public Catalog catalog() {
    return catalog.catalog();
  }

  /** The session retrievals run on. */
  public SparkSession session() {
    return spark;
  }

  @Override
  public RetrievalJob getHistoricalFeatures(HistoricalRequest request) {
    for (ViewSelection selection : request.views()) {
      SourceTables.source(selection.view());
    }
    return job(
        () ->
            HistoricalPlan.build(
                spark,
                catalog.catalog(),
                sparkCatalog,
                EntityFrames.load(spark, request.entities(), catalog.catalog(), sparkCatalog),
                request.views(),
                request.fullFeatureNames(),
                request.filterByCreatedTimestamp(),
                pruning),
        request.views().stream().map(ViewSelection::view).toList());
  }

  /**
   * A retrieval over entity rows the caller has as a Spark frame (a Spark SQL query, a table): they
   * stay distributed. The timestamp column is {@code event_timestamp}, or the only one.
   */
  public RetrievalJob getHistoricalFeatures(
      Dataset<Row> entities,
      List<ViewSelection> views,
      boolean fullFeatureNames,
      boolean filterByCreatedTimestamp) {
    return job(
        () ->
            HistoricalPlan.build(
                spark,
                catalog.catalog(),
                sparkCatalog,
                EntityFrames.fromFrame(entities, "entity rows"),
                views,
                fullFeatureNames,
                filterByCreatedTimestamp,
                pruning),
        views.stream().map(ViewSelection::view).toList());
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
    dev.feast.iceberg.offline.OfflineRules.dateRangeEntityColumns(views);
    return job(
        () ->
            HistoricalPlan.build(
                spark,
                catalog.catalog(),
                sparkCatalog,
                DateRangeFrames.entities(spark, catalog.catalog(), sparkCatalog, views, start, end),
                views,
                fullFeatureNames,
                false,
                pruning),
        views.stream().map(ViewSelection::view).toList());
  }

  @Override
  public RetrievalJob pullLatest(FeatureView view, Instant start, Instant end) {
    return job(
        () -> PullFrames.pull(spark, catalog.catalog(), sparkCatalog, view, start, end, true),
        List.of(view));
  }

  @Override
  public RetrievalJob pullAll(FeatureView view, Instant start, Instant end) {
    return job(
        () -> PullFrames.pull(spark, catalog.catalog(), sparkCatalog, view, start, end, false),
        List.of(view));
  }

  @Override
  public void writeBatch(FeatureView view, RowSet rows) {
    writeBatch(view, rows, WriteListener.NONE);
  }

  @Override
  public void writeBatch(FeatureView view, RowSet rows, WriteListener listener) {
    SparkBatchWriter.write(spark, catalog.catalog(), sparkCatalog, view, rows, listener);
  }

  @Override
  public String type() {
    return "spark";
  }

  @Override
  public Set<OfflineCapability> capabilities() {
    return CAPABILITIES;
  }

  private SparkRetrievalJob job(Supplier<SparkResult> plan, List<FeatureView> views) {
    return new SparkRetrievalJob(plan, catalog.catalog(), sparkCatalog, () -> metadata(views));
  }

  /** The data files of the sources' current snapshots; Spark's own pruning is not counted. */
  private RetrievalMetadata metadata(List<FeatureView> views) {
    long files = 0;
    Catalog c = catalog.catalog();
    for (FeatureView view : views) {
      Table table = SourceTables.load(c, view);
      Snapshot snapshot = table.currentSnapshot();
      if (snapshot != null) {
        files += Long.parseLong(snapshot.summary().getOrDefault("total-data-files", "0"));
      }
    }
    return new RetrievalMetadata(files, files);
  }

  @Override
  public void close() {
    ProjectSparkCatalog.unregister(handle);
    if (ownsSession) {
      spark.stop();
    }
  }

  @Override
  public String toString() {
    return "SparkOfflineStore["
        + catalog.describe()
        + ", master="
        + spark.sparkContext().master()
        + "]";
  }
}
