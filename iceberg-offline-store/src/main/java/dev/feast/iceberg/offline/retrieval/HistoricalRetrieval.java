package dev.feast.iceberg.offline.retrieval;

import dev.feast.iceberg.common.Micros;
import dev.feast.iceberg.offline.entity.EntityKeyValues;
import dev.feast.iceberg.offline.entity.EntityLoader;
import dev.feast.iceberg.offline.entity.EntityRows;
import dev.feast.iceberg.offline.scan.FileLocator;
import dev.feast.iceberg.offline.scan.SourceColumns;
import dev.feast.iceberg.offline.scan.SourceFiles;
import dev.feast.iceberg.offline.scan.SourcePlanner;
import dev.feast.iceberg.offline.scan.SourceTables;
import dev.feast.iceberg.offline.scan.TimeRange;
import dev.feast.iceberg.offline.sql.OrderKey;
import dev.feast.iceberg.offline.sql.PointInTimeQuery;
import dev.feast.iceberg.offline.sql.SourceRelation;
import dev.feast.iceberg.offline.sql.ViewJoin;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.InvalidEntityRowsException;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.RetrievalMetadata;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;

/**
 * Prepares a point-in-time retrieval: loads the entity rows, plans one pruned scan per view and
 * writes the join.
 */
public final class HistoricalRetrieval implements QueryPreparer {
  /** Loads the entity rows of a retrieval into the job's database. */
  @FunctionalInterface
  public interface EntityProvider {
    EntityRows load(Connection connection, FileLocator locator) throws SQLException;
  }

  private final List<ViewSelection> views;
  private final boolean fullFeatureNames;
  private final boolean filterByCreated;
  private final EntitySource entitySource;
  private final EntityProvider provider;
  private final Catalog catalog;
  private final boolean pruning;

  public HistoricalRetrieval(HistoricalRequest request, Catalog catalog, boolean pruning) {
    this(
        request.views(),
        request.fullFeatureNames(),
        request.filterByCreatedTimestamp(),
        request.entities(),
        (connection, locator) ->
            EntityLoader.load(connection, request.entities(), catalog, locator),
        catalog,
        pruning);
  }

  /**
   * A retrieval whose entity rows come from {@code provider}.
   *
   * @param entitySource the entity rows the provider loads, when the caller gave some (checked
   *     before the job starts), else null
   */
  public HistoricalRetrieval(
      List<ViewSelection> views,
      boolean fullFeatureNames,
      boolean filterByCreated,
      EntitySource entitySource,
      EntityProvider provider,
      Catalog catalog,
      boolean pruning) {
    this.views = List.copyOf(views);
    this.fullFeatureNames = fullFeatureNames;
    this.filterByCreated = filterByCreated;
    this.entitySource = entitySource;
    this.provider = provider;
    this.catalog = catalog;
    this.pruning = pruning;
  }

  /** The checks that need no data, so a bad request fails before a job exists. */
  public void validate() {
    for (ViewSelection selection : views) {
      SourceTables.source(selection.view());
    }
    if (entitySource instanceof EntitySource.Rows rows) {
      EntityLoader.timestampColumn(rows.rows().columns());
      checkEntityColumns(rows.rows().columnNames());
      checkEntityTypes(rows.rows().columns());
    }
  }

  /**
   * Join key columns of in-memory rows hold values comparable with the source's keys; DuckDB would
   * otherwise fail with a message that names neither the column nor the view.
   */
  private void checkEntityTypes(List<Field> entityColumns) {
    checkEntityTypes(views, entityColumns);
  }

  public static void checkEntityTypes(List<ViewSelection> views, List<Field> entityColumns) {
    for (ViewSelection selection : views) {
      for (Field key : selection.view().entityColumns()) {
        String column = selection.entityColumn(key.name());
        for (Field field : entityColumns) {
          if (field.name().equals(column) && !comparable(field.type(), key.type())) {
            throw new InvalidEntityRowsException(
                "Entity column '"
                    + column
                    + "' is "
                    + field.type().feastName()
                    + ", but join key '"
                    + key.name()
                    + "' of feature view '"
                    + selection.projection().nameToUse()
                    + "' is "
                    + key.type().feastName()
                    + "; give the column "
                    + key.type().feastName()
                    + " values");
          }
        }
      }
    }
  }

  private static boolean comparable(ValueType a, ValueType b) {
    return a == b
        || ((a == ValueType.INT32 || a == ValueType.INT64)
            && (b == ValueType.INT32 || b == ValueType.INT64));
  }

  @Override
  public PreparedQuery prepare(Connection connection, FileLocator locator) throws SQLException {
    validate();
    EntityRows entities = provider.load(connection, locator);
    checkEntityColumns(entities.relation().columns());
    List<Field> columns = new ArrayList<>();
    for (Field field : entities.fields()) {
      columns.add(
          field.name().equals(entities.relation().timestampColumn())
              ? Field.of(field.name(), ValueType.UNIX_TIMESTAMP)
              : field);
    }
    List<ViewJoin> joins = new ArrayList<>();
    long planned = 0;
    long scanned = 0;
    for (ViewSelection selection : views) {
      FeatureView view = selection.view();
      SourceColumns source = SourceColumns.of(view, selection.features());
      Table table = SourceTables.load(catalog, view);
      SourceTables.checkColumns(table, view, source);
      long ttl = view.hasTtl() ? Micros.of(view.ttl()) : 0;
      SourceFiles files =
          SourcePlanner.plan(
              table,
              source.timestamp(),
              range(entities, ttl),
              pruning ? keyValues(connection, entities, selection, source) : Map.of(),
              pruning,
              locator);
      planned += files.filesPlanned();
      scanned += files.filesScanned();
      List<String> entityKeys = view.joinKeys().stream().map(selection::entityColumn).toList();
      List<String> outputs = new ArrayList<>();
      for (Field feature : selection.features()) {
        String output = selection.outputColumn(feature.name(), fullFeatureNames);
        outputs.add(output);
        columns.add(Field.of(output, feature.type()));
      }
      String relation = SourceRelation.sql(source, files);
      OrderKey order =
          source.hasCreated() && !filterByCreated ? OrderKeys.measure(connection, relation) : null;
      joins.add(new ViewJoin(source, relation, entityKeys, ttl, outputs, order));
    }
    String sql = PointInTimeQuery.sql(entities.relation(), joins, filterByCreated);
    return new PreparedQuery(sql, columns, new RetrievalMetadata(planned, scanned));
  }

  /** Per source key column, the entity rows' values of it, when few enough to prune with. */
  private static Map<String, List<Object>> keyValues(
      Connection connection, EntityRows entities, ViewSelection selection, SourceColumns source)
      throws SQLException {
    Map<String, List<Object>> values = new HashMap<>();
    for (SourceColumns.Column key : source.keys()) {
      List<Object> distinct =
          EntityKeyValues.distinct(
              connection,
              entities.relation().table(),
              selection.entityColumn(key.name()),
              key.type());
      if (distinct != null) {
        values.put(key.source(), distinct);
      }
    }
    return values;
  }

  /** The event times that can matter: {@code [min(t) - ttl, max(t)]}, no lower bound for ttl 0. */
  private static TimeRange range(EntityRows entities, long ttlMicros) {
    if (entities.maxMicros() == null) {
      return TimeRange.NONE;
    }
    Long lower = ttlMicros > 0 ? entities.minMicros() - ttlMicros : null;
    return TimeRange.between(lower, entities.maxMicros());
  }

  /** Every join key has an entity column, and no feature shadows an entity column. */
  private void checkEntityColumns(List<String> entityColumns) {
    checkEntityColumns(views, fullFeatureNames, entityColumns);
  }

  public static void checkEntityColumns(
      List<ViewSelection> views, boolean fullFeatureNames, List<String> entityColumns) {
    for (ViewSelection selection : views) {
      for (String key : selection.view().joinKeys()) {
        String column = selection.entityColumn(key);
        if (!entityColumns.contains(column)) {
          throw new InvalidEntityRowsException(
              "Entity rows have no column '"
                  + column
                  + "', which feature view '"
                  + selection.projection().nameToUse()
                  + "' joins on (join key '"
                  + key
                  + "'); entity columns are "
                  + entityColumns
                  + "; add the column or map the join key with a join key map");
        }
      }
      for (Field feature : selection.features()) {
        String output = selection.outputColumn(feature.name(), fullFeatureNames);
        if (entityColumns.contains(output)) {
          throw new InvalidEntityRowsException(
              "Feature "
                  + selection.ref(feature.name())
                  + " would be output as '"
                  + output
                  + "', which is already an entity column; rename the entity column or request"
                  + " full feature names");
        }
      }
    }
  }
}
