package dev.feast.iceberg.online;

import dev.feast.iceberg.common.TypeMapping;
import dev.feast.iceberg.online.serving.FeatureColumns;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.Remedy;
import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdateProperties;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The online tables in the catalog: one per feature view, {@code <namespace>.<project>_<view>},
 * with the layout the configuration asks for.
 *
 * <p>Layout: {@code entity_key binary} (Feast v3 bytes), {@code event_ts timestamptz}, {@code
 * created_ts timestamptz}, then one column per feature with its own Iceberg type. The entity hash
 * partition is Iceberg's own {@code bucket(entity_key, N)} transform rather than a stored bucket
 * column: every Iceberg engine computes the same murmur3 bucket, so a predicate {@code entity_key =
 * X} prunes to one bucket in Spark, Trino or a later scan fallback of this store, and there is no
 * second column to keep consistent with the key.
 */
final class OnlineTables {
  private static final Logger log = LoggerFactory.getLogger(OnlineTables.class);
  static final String PROJECT_PROPERTY = "feast.project";
  static final String VIEW_PROPERTY = "feast.view";

  /**
   * The {@code entity_key} bounds kept in the manifests in full. Iceberg keeps 16 bytes by default,
   * a prefix every key of a view shares (Feast's serialization starts with the join key names), so
   * truncated bounds would never rule a file out for a lookup.
   */
  static final String KEY_METRICS = "write.metadata.metrics.column." + FeatureColumns.ENTITY_KEY;

  /**
   * Rows per Parquet page. Small pages, ended at the same rows in every column, let a read from the
   * files decode one page per column for a key rather than its whole row group: the page index
   * (written by default) locates the key's page, the offset index the pages of the other columns
   * (see {@code PageRows}). The cost is a page header and index entry per 100 values.
   */
  static final String PAGE_ROWS = "write.parquet.page-row-limit";

  static final String PAGE_ROWS_VALUE = "100";

  private final Catalog catalog;
  private final String catalogName;
  private final Namespace namespace;
  private final String project;
  private final IcebergOnlineStoreConfig config;

  OnlineTables(
      Catalog catalog, String catalogName, String project, IcebergOnlineStoreConfig config) {
    this.catalog = catalog;
    this.catalogName = catalogName;
    this.namespace = Namespace.of(config.namespace().split("\\."));
    this.project = project;
    this.config = config;
  }

  TableIdentifier identifier(String view) {
    return TableIdentifier.of(namespace, project + "_" + view);
  }

  /** The view's table; fails saying to apply the view when it has none. */
  Table load(FeatureView view) {
    try {
      return catalog.loadTable(identifier(view.name()));
    } catch (NoSuchTableException e) {
      throw missing(view.name(), e);
    }
  }

  UnknownDefinitionException missing(String view, Exception cause) {
    UnknownDefinitionException error =
        new UnknownDefinitionException(
            "Feature view '"
                + view
                + "' has no online table "
                + identifier(view)
                + " in "
                + catalogName,
            Remedy.APPLY);
    error.initCause(cause);
    return error;
  }

  /**
   * Creates the view's table when missing (returns true); an existing table is kept, with feature
   * columns the view added since appended (returns true too, as its columns changed).
   */
  boolean ensure(FeatureView view) {
    Schema schema = schema(view);
    TableIdentifier id = identifier(view.name());
    ensureNamespace();
    if (!catalog.tableExists(id)) {
      try {
        catalog
            .buildTable(id, schema)
            .withPartitionSpec(spec(schema))
            .withSortOrder(SortOrder.builderFor(schema).asc(FeatureColumns.ENTITY_KEY).build())
            .withProperties(properties(view))
            .create();
        log.info("created online table {} for feature view {}", id, view.name());
        return true;
      } catch (AlreadyExistsException e) {
        log.debug("online table {} was created concurrently", id);
      }
    }
    return evolve(view, catalog.loadTable(id));
  }

  /** Drops the view's table and its files; true when there was one. */
  boolean drop(String view) {
    boolean dropped = catalog.dropTable(identifier(view), true);
    if (dropped) {
      log.info("dropped online table {}", identifier(view));
    }
    return dropped;
  }

  /** Refuses a feature named as a column the store keeps for itself, before any table exists. */
  static void checkFeatureNames(FeatureView view) {
    for (Field feature : view.features()) {
      if (FeatureColumns.RESERVED.contains(feature.name())) {
        throw new SchemaMismatchException(
            "Feature view '"
                + view.name()
                + "' has a feature named '"
                + feature.name()
                + "', a column the Iceberg online store keeps for itself "
                + FeatureColumns.RESERVED
                + "; rename the feature");
      }
    }
  }

  Schema schema(FeatureView view) {
    List<Types.NestedField> columns = new ArrayList<>();
    columns.add(Types.NestedField.required(1, FeatureColumns.ENTITY_KEY, Types.BinaryType.get()));
    columns.add(
        Types.NestedField.required(2, FeatureColumns.EVENT_TS, Types.TimestampType.withZone()));
    columns.add(
        Types.NestedField.optional(3, FeatureColumns.CREATED_TS, Types.TimestampType.withZone()));
    AtomicInteger ids = new AtomicInteger(3 + view.features().size());
    int id = 4;
    checkFeatureNames(view);
    for (Field feature : view.features()) {
      columns.add(
          Types.NestedField.optional(
              id++, feature.name(), TypeMapping.icebergType(feature.type(), ids)));
    }
    return new Schema(columns);
  }

  PartitionSpec spec(Schema schema) {
    PartitionStrategy strategy = config.partitionStrategy();
    PartitionSpec.Builder spec = PartitionSpec.builderFor(schema);
    if (strategy.byKey()) {
      spec.bucket(FeatureColumns.ENTITY_KEY, config.partitionBuckets());
    }
    if (strategy.byTime()) {
      if (config.timestampGranularity() == TimestampGranularity.HOUR) {
        spec.hour(FeatureColumns.EVENT_TS);
      } else {
        spec.day(FeatureColumns.EVENT_TS);
      }
    }
    return spec.build();
  }

  private Map<String, String> properties(FeatureView view) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("write.format.default", "parquet");
    // Feature values are mostly distinct numbers: dictionary attempts cost most of the write time
    // and fall back to plain anyway; snappy skips incompressible pages cheaply.
    properties.put("parquet.enable.dictionary", "false");
    properties.put("write.parquet.compression-codec", "snappy");
    // Row groups of a few MB: a file-fallback lookup skips all but the one holding its key (by the
    // key's min/max, as files are sorted by key, and by bloom filter).
    properties.put("write.parquet.row-group-size-bytes", Long.toString(8L << 20));
    // Point lookups by key in a later scan fallback skip row groups without the key.
    properties.put(
        "write.parquet.bloom-filter-enabled.column." + FeatureColumns.ENTITY_KEY, "true");
    properties.put(KEY_METRICS, "full");
    properties.put(PAGE_ROWS, PAGE_ROWS_VALUE);
    // Every write is a commit: keep the metadata log short, and retry more under contention.
    properties.put("write.metadata.delete-after-commit.enabled", "true");
    properties.put("write.metadata.previous-versions-max", "20");
    properties.put("commit.retry.num-retries", "10");
    properties.put(PROJECT_PROPERTY, project);
    properties.put(VIEW_PROPERTY, view.name());
    return properties;
  }

  private boolean evolve(FeatureView view, Table table) {
    String owner = table.properties().get(VIEW_PROPERTY);
    String ownerProject = table.properties().get(PROJECT_PROPERTY);
    if (owner != null && (!owner.equals(view.name()) || !project.equals(ownerProject))) {
      throw new SchemaMismatchException(
          "Online table "
              + table.name()
              + " belongs to feature view '"
              + owner
              + "' of project '"
              + ownerProject
              + "', not to '"
              + view.name()
              + "' of '"
              + project
              + "'; rename one of them or use another online_store.namespace");
    }
    // A table created before the key bounds were kept in full, or before pages were sized for
    // lookups: files written from now on have them; older files, the data and the schema are
    // untouched (the file path reads an older file a row group at a time).
    Map<String, String> missing = new LinkedHashMap<>();
    if (!table.properties().containsKey(KEY_METRICS)) {
      missing.put(KEY_METRICS, "full");
    }
    if (!table.properties().containsKey(PAGE_ROWS)) {
      missing.put(PAGE_ROWS, PAGE_ROWS_VALUE);
    }
    if (!missing.isEmpty()) {
      UpdateProperties update = table.updateProperties();
      missing.forEach(update::set);
      update.commit();
    }
    Schema wanted = schema(view);
    UpdateSchema update = null;
    for (Field feature : view.features()) {
      Types.NestedField existing = table.schema().findField(feature.name());
      Type type = wanted.findType(feature.name());
      if (existing == null) {
        update = update == null ? table.updateSchema() : update;
        update.addColumn(feature.name(), type);
      } else if (!existing.type().equals(type) && !sameShape(existing.type(), type)) {
        throw new SchemaMismatchException(
            "Feature '"
                + feature.name()
                + "' of view '"
                + view.name()
                + "' is "
                + feature.type()
                + " but online table "
                + table.name()
                + " stores it as "
                + existing.type()
                + "; delete the view (or its online table) and apply again");
      }
    }
    if (update != null) {
      update.commit();
      log.info("added feature columns of view {} to online table {}", view.name(), table.name());
      return true;
    }
    return false;
  }

  /** List types compare with their element ids; only the element types matter here. */
  private static boolean sameShape(Type a, Type b) {
    return a.isListType()
        && b.isListType()
        && a.asListType().elementType().equals(b.asListType().elementType());
  }

  private void ensureNamespace() {
    if (catalog instanceof SupportsNamespaces namespaces
        && !namespaces.namespaceExists(namespace)) {
      try {
        namespaces.createNamespace(namespace);
      } catch (AlreadyExistsException e) {
        log.debug("namespace {} was created concurrently", namespace);
      } catch (RuntimeException e) {
        // Iceberg's JdbcCatalog reports a lost creation race as a failed INSERT (a unique-key
        // violation, UncheckedSQLException), not as AlreadyExistsException.
        if (!namespaces.namespaceExists(namespace)) {
          throw e;
        }
        log.debug("namespace {} was created concurrently", namespace);
      }
    }
  }
}
