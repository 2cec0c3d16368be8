package dev.feast.iceberg.spark.materialize;

import static org.apache.spark.sql.functions.col;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.Remedy;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import dev.feast.iceberg.spi.UnsupportedFeatureException;
import dev.feast.iceberg.spi.materialize.MaterializationEngine;
import dev.feast.iceberg.spi.materialize.MaterializationListener;
import dev.feast.iceberg.spi.materialize.MaterializationTask;
import dev.feast.iceberg.spi.materialize.MaterializationTaskResult;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.SerializableTable;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.io.SupportsPrefixOperations;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code batch_engine: spark}: per view, Spark computes the latest source row per entity key over
 * {@code [start, end]} from the offline Iceberg table, the executors write Parquet data files
 * straight into the view's online Iceberg table in the online store's layout (Feast v3 key bytes,
 * the table's partition spec, files sorted by key, the table's writer properties), and the driver
 * commits every file in ONE append, having collected only the files' metadata. {@code
 * IcebergOnlineStore} then serves the rows through its normal snapshot refresh.
 *
 * <p>All or nothing: a failed job, a listener that throws at {@code committing}, or a failed commit
 * commits nothing, and the files written are deleted (those of a killed driver are left to the
 * online store's orphan file removal).
 */
final class SparkMaterializationEngine implements MaterializationEngine {
  private static final Logger log = LoggerFactory.getLogger(SparkMaterializationEngine.class);

  private final SparkSession spark;
  private final boolean ownsSession;
  private final String handle;

  /** The offline catalog's name in the session: one per engine, as Spark keeps each it loaded. */
  private final String offlineCatalogName;

  private final Catalog onlineCatalog;
  private final Namespace onlineNamespace;
  private final String project;

  SparkMaterializationEngine(
      SparkSession spark,
      boolean ownsSession,
      Catalog offlineCatalog,
      Catalog onlineCatalog,
      String onlineNamespace,
      String project) {
    this.spark = spark;
    this.ownsSession = ownsSession;
    this.offlineCatalogName = "feast_engine_" + UUID.randomUUID().toString().replace("-", "");
    this.handle = EngineCatalog.register(spark, offlineCatalogName, offlineCatalog);
    this.onlineCatalog = onlineCatalog;
    this.onlineNamespace = Namespace.of(onlineNamespace.split("\\."));
    this.project = project;
  }

  @Override
  public MaterializationTaskResult materialize(
      MaterializationTask task, MaterializationListener listener) {
    FeatureView view = task.view();
    listener.started(view, task.start(), task.end());
    Table online = onlineTable(view);
    Dataset<Row> latest = LatestRows.of(spark, sourceTable(view), view, task.start(), task.end());
    List<Field> keys = view.entityColumns();
    LongAccumulator skipped = spark.sparkContext().longAccumulator("skipped " + view.name());
    KeyedRows keyedRows =
        new KeyedRows(
            keys.stream().map(Field::name).toList(),
            keys.stream().map(Field::type).toList(),
            online.spec(),
            online.schema(),
            skipped);
    Dataset<Row> keyed =
        latest
            .mapPartitions(keyedRows, Encoders.row(KeyedRows.schema(latest.schema(), keys.size())))
            .repartition(col(KeyedRows.PARTITION))
            .sortWithinPartitions(KeyedRows.PARTITION, KeyedRows.ENTITY_KEY)
            .persist(StorageLevel.MEMORY_AND_DISK());
    String operationId = UUID.randomUUID().toString();
    List<DataFile> files;
    try {
      Map<String, Long> keysPerPartition = new HashMap<>();
      for (Row count : keyed.groupBy(KeyedRows.PARTITION).count().collectAsList()) {
        keysPerPartition.put(count.getString(0), count.getLong(1));
      }
      listener.writing(view, keysPerPartition.values().stream().mapToLong(Long::longValue).sum());
      Broadcast<Table> table =
          JavaSparkContext.fromSparkContext(spark.sparkContext())
              .broadcast(SerializableTable.copyOf(online));
      files =
          keyed
              .toJavaRDD()
              .mapPartitionsWithIndex(
                  new OnlineFileWriter(
                      table,
                      operationId,
                      System.currentTimeMillis(),
                      view.features().stream().map(Field::name).toList(),
                      keysPerPartition),
                  false)
              .collect();
    } catch (RuntimeException e) {
      deleteOperationFiles(online, operationId);
      throw e;
    } finally {
      keyed.unpersist();
    }
    long rows = files.stream().mapToLong(DataFile::recordCount).sum();
    commit(online, view, files, rows, listener);
    log.info(
        "materialized {} rows of {} for [{}, {}] with Spark in {} files",
        rows,
        view.name(),
        task.start(),
        task.end(),
        files.size());
    return new MaterializationTaskResult(task, rows, skipped.value());
  }

  /** One append of every file, after the listener agreed; on any failure no file stays. */
  private static void commit(
      Table online,
      FeatureView view,
      List<DataFile> files,
      long rows,
      MaterializationListener listener) {
    try {
      listener.committing(view, rows);
      if (!files.isEmpty()) {
        AppendFiles append = online.newAppend();
        files.forEach(append::appendFile);
        append.commit();
      }
    } catch (CommitStateUnknownException e) {
      throw e; // the files may be committed: deleting them could corrupt the table
    } catch (RuntimeException e) {
      files.forEach(file -> online.io().deleteFile(file.location()));
      throw e;
    }
  }

  /**
   * The files a failed job's finished tasks wrote, found by the operation id in their names (their
   * metadata never reached the driver); skipped when the FileIO cannot list, leaving them to orphan
   * file removal.
   */
  private static void deleteOperationFiles(Table online, String operationId) {
    if (!(online.io() instanceof SupportsPrefixOperations io)) {
      return;
    }
    try {
      String data =
          online
              .properties()
              .getOrDefault(TableProperties.WRITE_DATA_LOCATION, online.location() + "/data");
      io.listPrefix(data)
          .forEach(
              file -> {
                if (file.location().contains(operationId)) {
                  io.deleteFile(file.location());
                }
              });
    } catch (RuntimeException e) {
      log.warn(
          "could not remove the files of failed materialization {} of {}",
          operationId,
          online.name(),
          e);
    }
  }

  private Table onlineTable(FeatureView view) {
    TableIdentifier id = TableIdentifier.of(onlineNamespace, project + "_" + view.name());
    try {
      return onlineCatalog.loadTable(id);
    } catch (NoSuchTableException e) {
      UnknownDefinitionException error =
          new UnknownDefinitionException(
              "Feature view '" + view.name() + "' has no online table " + id, Remedy.APPLY);
      error.initCause(e);
      throw error;
    }
  }

  /** The view's source as Spark names it in the engine's catalog. */
  private String sourceTable(FeatureView view) {
    if (!(view.source() instanceof IcebergSource source)) {
      throw new UnsupportedFeatureException(
          "spark batch_engine",
          "materializing view '"
              + view.name()
              + "' from a "
              + view.source().getClass().getSimpleName()
              + " (it reads Iceberg sources)");
    }
    TableIdentifier id = source.identifier();
    StringBuilder name = new StringBuilder(offlineCatalogName);
    Arrays.stream(id.namespace().levels())
        .forEach(level -> name.append('.').append(LatestRows.quote(level)));
    return name.append('.').append(LatestRows.quote(id.name())).toString();
  }

  /** Stops the session when the engine started it; the catalogs belong to the runtime. */
  @Override
  public void close() {
    EngineCatalog.unregister(handle);
    if (ownsSession) {
      spark.stop();
    }
  }

  @Override
  public String toString() {
    return "Spark materialization engine (master " + spark.sparkContext().master() + ")";
  }
}
