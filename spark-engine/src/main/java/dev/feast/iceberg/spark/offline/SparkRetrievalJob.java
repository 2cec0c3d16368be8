package dev.feast.iceberg.spark.offline;

import static org.apache.spark.sql.functions.col;

import dev.feast.iceberg.spi.ExternalSystemException;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.InvalidRequestException;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.RetrievalMetadata;
import dev.feast.iceberg.spi.offline.RowStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A retrieval planned in Spark. Nothing runs until an output is asked for; {@link #rows()} fetches
 * rows in entity row order, while {@link #persist} and {@link #toParquet} are written by the
 * executors, each file in entity row order, so the driver never holds the result.
 */
public final class SparkRetrievalJob implements RetrievalJob {
  private final Supplier<SparkResult> plan;
  private final Catalog catalog;
  private final String sparkCatalog;
  private final Supplier<RetrievalMetadata> metadata;
  private SparkResult result;

  SparkRetrievalJob(
      Supplier<SparkResult> plan,
      Catalog catalog,
      String sparkCatalog,
      Supplier<RetrievalMetadata> metadata) {
    this.plan = plan;
    this.catalog = catalog;
    this.sparkCatalog = sparkCatalog;
    this.metadata = metadata;
  }

  private synchronized SparkResult result() {
    if (result == null) {
      result = plan.get();
    }
    return result;
  }

  @Override
  public List<Field> columns() {
    return result().columns();
  }

  /**
   * The result as a Spark frame, for callers that go on in Spark (a training pipeline): the columns
   * of {@link #columns()}, in no particular row order.
   */
  public Dataset<Row> toDataset() {
    SparkResult r = result();
    return r.orderColumn() == null ? r.frame() : r.frame().drop(r.orderColumn());
  }

  @Override
  public RowStream rows() {
    SparkResult r = result();
    if (r.small()) {
      List<Row> rows = new java.util.ArrayList<>(r.frame().collectAsList());
      int order = r.frame().schema().fieldIndex(r.orderColumn());
      rows.sort(java.util.Comparator.comparingLong(row -> row.getLong(order)));
      return new SparkRowStream(r.columns(), rows.iterator());
    }
    Dataset<Row> ordered =
        r.orderColumn() == null
            ? r.frame()
            : r.frame().orderBy(col(r.orderColumn())).drop(r.orderColumn());
    return new SparkRowStream(r.columns(), ordered.toLocalIterator());
  }

  /**
   * The rows as Arrow batches of {@code 8192} rows, in entity row order, for small results (they
   * pass through the driver); close the reader when done.
   */
  public org.apache.arrow.vector.ipc.ArrowReader arrow(
      org.apache.arrow.memory.BufferAllocator allocator) {
    return new RowArrowReader(allocator, rows(), 8192);
  }

  /** Writes a folder of Parquet files at {@code path}, one per partition, from the executors. */
  @Override
  public void toParquet(Path path) {
    fileOrdered().write().mode("errorifexists").parquet(path.toString());
  }

  @Override
  public void persist(TableIdentifier table, boolean allowOverwrite) {
    if (!allowOverwrite && catalog.tableExists(table)) {
      throw new InvalidRequestException(
          "Table " + table + " already exists; choose another name or allow overwriting it");
    }
    if (catalog instanceof SupportsNamespaces namespaces
        && !namespaces.namespaceExists(table.namespace())) {
      createNamespace(namespaces, table.namespace());
    }
    var writer = fileOrdered().writeTo(SourceFrames.sparkName(sparkCatalog, table));
    // Create and replace are single Iceberg commits: a failed job leaves no table, or the old one.
    try {
      if (allowOverwrite) {
        writer.createOrReplace();
      } else {
        writer.create();
      }
    } catch (Exception e) {
      throw new ExternalSystemException(
          "Spark", "Could not persist the result as table " + table + ": " + e.getMessage(), e);
    }
  }

  private static void createNamespace(SupportsNamespaces namespaces, Namespace namespace) {
    try {
      namespaces.createNamespace(namespace);
    } catch (org.apache.iceberg.exceptions.AlreadyExistsException e) {
      // Created meanwhile by another writer.
    }
  }

  private Dataset<Row> fileOrdered() {
    SparkResult r = result();
    return r.orderColumn() == null
        ? r.frame()
        : r.frame().sortWithinPartitions(r.orderColumn()).drop(r.orderColumn());
  }

  @Override
  public RetrievalMetadata metadata() {
    return metadata.get();
  }

  @Override
  public void close() {
    // Spark frees a job's shuffle files when its frame is garbage collected.
  }
}
