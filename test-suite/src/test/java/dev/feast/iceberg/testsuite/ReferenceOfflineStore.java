package dev.feast.iceberg.testsuite;

import dev.feast.iceberg.spi.DataSource;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.SourceColumn;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import dev.feast.iceberg.spi.UnsupportedFeatureException;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineCapability;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;

/**
 * A correct offline store held in memory, answering with {@link Oracle}: the store the suite's own
 * tests break on purpose. Sources are keyed by {@link DataSource#name()}; persisted results by
 * table identifier.
 */
class ReferenceOfflineStore implements OfflineStore {
  private final Map<String, RowSet> sources = new LinkedHashMap<>();
  private final Map<TableIdentifier, RowSet> tables = new LinkedHashMap<>();

  @Override
  public RetrievalJob getHistoricalFeatures(HistoricalRequest request) {
    for (ViewSelection selection : request.views()) {
      checkSource(selection.view());
    }
    RowSet entities = entities(request.entities());
    Oracle.entityTimestampColumn(entities.columns());
    HistoricalRequest resolved =
        new HistoricalRequest(
            EntitySource.of(entities),
            request.views(),
            request.fullFeatureNames(),
            request.filterByCreatedTimestamp());
    return job(() -> Oracle.historical(resolved, sourceRows()));
  }

  @Override
  public RetrievalJob pullLatest(FeatureView view, Instant start, Instant end) {
    checkSource(view);
    return job(() -> Oracle.pullLatest(view, sourceRows().get(view.source().name()), start, end));
  }

  @Override
  public RetrievalJob pullAll(FeatureView view, Instant start, Instant end) {
    checkSource(view);
    return job(() -> Oracle.pullAll(view, sourceRows().get(view.source().name()), start, end));
  }

  @Override
  public RetrievalJob getHistoricalFeaturesBetween(
      List<ViewSelection> views, Instant start, Instant end, boolean fullFeatureNames) {
    views.forEach(v -> checkSource(v.view()));
    return job(() -> Oracle.historicalBetween(views, start, end, fullFeatureNames, sourceRows()));
  }

  @Override
  public synchronized void writeBatch(FeatureView view, RowSet rows) {
    String name = view.source().name();
    int ts = rows.indexOf(view.source().timestampField());
    if (ts < 0 || rows.columns().get(ts).type() != ValueType.UNIX_TIMESTAMP) {
      throw new SchemaMismatchException(
          "Rows for source " + name + " need timestamp column " + view.source().timestampField());
    }
    for (SourceColumn column : SourceColumn.of(view)) {
      int at = rows.indexOf(column.name());
      if (column.required()
          && (at < 0 || rows.rows().stream().anyMatch(row -> row.get(at) == null))) {
        throw new SchemaMismatchException(
            "Rows for source "
                + name
                + " need a value of column "
                + column.name()
                + " in every row");
      }
    }
    RowSet existing = sources.get(name);
    List<Field> columns = existing == null ? rows.columns() : existing.columns();
    for (Field column : rows.columns()) {
      if (!columns.contains(column)) {
        throw new SchemaMismatchException(
            "Source " + name + " has no column " + column + "; it has " + columns);
      }
    }
    List<List<Object>> appended = new ArrayList<>();
    for (List<Object> row : rows.rows()) {
      List<Object> out = new ArrayList<>();
      for (Field column : columns) {
        int at = rows.indexOf(column.name());
        Object value = at < 0 ? null : row.get(at);
        checkValue(name, column, value);
        out.add(value);
      }
      appended.add(out);
    }
    List<List<Object>> all = new ArrayList<>(existing == null ? List.of() : existing.rows());
    all.addAll(appended);
    sources.put(name, new RowSet(columns, all));
  }

  /** Replaces a source's rows (deletes). */
  synchronized void replace(String source, RowSet rows) {
    sources.put(source, rows);
  }

  private static void checkValue(String source, Field column, Object value) {
    if (value == null) {
      return;
    }
    boolean ok = column.type().javaClass().isInstance(value);
    if (ok && column.type().isList()) {
      for (Object item : (List<?>) value) {
        ok &= item == null || column.type().elementType().javaClass().isInstance(item);
      }
    }
    if (column.type() == ValueType.UNIX_TIMESTAMP) {
      ok = value instanceof Instant;
    }
    if (!ok) {
      throw new SchemaMismatchException(
          "Column '"
              + column.name()
              + "' of source "
              + source
              + " is "
              + column.type()
              + ", not "
              + value
              + " ("
              + value.getClass().getSimpleName()
              + ")");
    }
  }

  /** The sources as queries see them; a broken subclass may reorder them. */
  synchronized Map<String, RowSet> sourceRows() {
    return new LinkedHashMap<>(sources);
  }

  private synchronized void checkSource(FeatureView view) {
    RowSet source = sources.get(view.source().name());
    if (source == null) {
      throw new UnknownDefinitionException(
          "Feature view '"
              + view.name()
              + "' reads source '"
              + view.source().name()
              + "', which holds no rows");
    }
    List<String> names = new ArrayList<>(view.joinKeys());
    view.features().forEach(f -> names.add(f.name()));
    for (String name : names) {
      if (source.indexOf(view.source().sourceColumn(name)) < 0) {
        throw new UnknownDefinitionException(
            "Feature view '"
                + view.name()
                + "': source '"
                + view.source().name()
                + "' has no column for '"
                + name
                + "'");
      }
    }
  }

  private synchronized RowSet entities(EntitySource source) {
    if (source instanceof EntitySource.Rows rows) {
      return rows.rows();
    } else if (source instanceof EntitySource.IcebergTable table) {
      RowSet rows = tables.get(table.table());
      if (rows == null) {
        throw new UnknownDefinitionException("No table " + table.table());
      }
      return rows;
    }
    throw new UnsupportedFeatureException("reference", "entity rows from " + source);
  }

  private RetrievalJob job(Supplier<RowSet> result) {
    return new ReferenceJob(result, this::persist);
  }

  private synchronized void persist(TableIdentifier table, RowSet rows, boolean allowOverwrite) {
    if (tables.containsKey(table) && !allowOverwrite) {
      throw new AlreadyExistsException("Table already exists: %s", table);
    }
    tables.put(table, rows);
  }

  @Override
  public String type() {
    return "reference";
  }

  @Override
  public Set<OfflineCapability> capabilities() {
    return EnumSet.of(
        OfflineCapability.FILTER_BY_CREATED_TIMESTAMP,
        OfflineCapability.ENTITY_TABLE,
        OfflineCapability.PERSIST,
        OfflineCapability.DELETES,
        OfflineCapability.DATE_RANGE_RETRIEVAL);
  }

  @Override
  public void close() {}
}
