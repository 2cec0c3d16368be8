package dev.feast.iceberg.offline.entity;

import static dev.feast.iceberg.common.Sql.id;

import dev.feast.iceberg.common.TypeMapping;
import dev.feast.iceberg.offline.scan.FileLocator;
import dev.feast.iceberg.offline.scan.SourceColumns;
import dev.feast.iceberg.offline.scan.SourceFiles;
import dev.feast.iceberg.offline.scan.SourcePlanner;
import dev.feast.iceberg.offline.scan.SourceTables;
import dev.feast.iceberg.offline.scan.TimeRange;
import dev.feast.iceberg.offline.sql.EntityRelation;
import dev.feast.iceberg.offline.sql.SourceRelation;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.InvalidEntityRowsException;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;

/**
 * The entity rows a date-range retrieval implies ({@link
 * OfflineStore#getHistoricalFeaturesBetween}): one per distinct join key combination with a source
 * row in {@code [start, end]} in any of the views, each at {@code end}, numbered in key order.
 */
public final class DateRangeEntities {
  private DateRangeEntities() {}

  /**
   * The entity columns: the join keys (as the views' join key maps name them), then {@code
   * event_timestamp}. Fails naming the views when two keyed views join on different columns.
   */
  public static List<Field> columns(List<ViewSelection> views) {
    List<Field> keys = null;
    String keyedView = null;
    for (ViewSelection selection : views) {
      List<Field> viewKeys = keys(selection);
      if (viewKeys.isEmpty()) {
        continue; // an entity-less view joins on time only
      }
      if (keys == null) {
        keys = viewKeys;
        keyedView = selection.projection().nameToUse();
      } else if (!names(keys).containsAll(names(viewKeys)) || keys.size() != viewKeys.size()) {
        throw new InvalidEntityRowsException(
            "A date-range retrieval needs every feature view to join on the same keys: '"
                + keyedView
                + "' joins on "
                + names(keys)
                + ", '"
                + selection.projection().nameToUse()
                + "' on "
                + names(viewKeys)
                + "; retrieve them separately or give entity rows");
      }
    }
    List<Field> columns = new ArrayList<>(keys == null ? List.of() : keys);
    columns.add(
        Field.of(OfflineStore.EVENT_TIMESTAMP, dev.feast.iceberg.spi.ValueType.UNIX_TIMESTAMP));
    return columns;
  }

  private static List<Field> keys(ViewSelection selection) {
    List<Field> keys = new ArrayList<>();
    for (Field key : selection.view().entityColumns()) {
      keys.add(Field.of(selection.entityColumn(key.name()), key.type()));
    }
    return keys;
  }

  private static List<String> names(List<Field> fields) {
    return fields.stream().map(Field::name).toList();
  }

  /** Builds the entity table from the views' sources, pruned to {@code [start, end]}. */
  public static EntityRows load(
      Connection connection,
      FileLocator locator,
      List<ViewSelection> views,
      long startMicros,
      long endMicros,
      Catalog catalog,
      boolean pruning)
      throws SQLException {
    List<Field> columns = columns(views);
    List<Field> keys = columns.subList(0, columns.size() - 1);
    List<String> selects = new ArrayList<>();
    for (ViewSelection selection : views) {
      List<Field> viewKeys = keys(selection);
      if (!keys.isEmpty() && viewKeys.isEmpty()) {
        continue; // entity-less views add no key combination when others have keys
      }
      SourceColumns source = SourceColumns.of(selection.view(), List.of());
      Table table = SourceTables.load(catalog, selection.view());
      SourceTables.checkColumns(table, selection.view(), source);
      SourceFiles files =
          SourcePlanner.plan(
              table,
              source.timestamp(),
              TimeRange.between(startMicros, endMicros),
              pruning,
              locator);
      List<String> projected = new ArrayList<>();
      for (Field key : keys) {
        int i = names(viewKeys).indexOf(key.name());
        projected.add(
            "CAST("
                + id(SourceRelation.key(i))
                + " AS "
                + TypeMapping.duckDbType(key.type())
                + ") AS "
                + id(key.name()));
      }
      projected.add("1 AS " + id("__feast_any"));
      selects.add(
          "SELECT "
              + String.join(", ", projected)
              + " FROM ("
              + SourceRelation.sql(source, files)
              + ") s WHERE epoch_us("
              + id(SourceRelation.TS)
              + ") BETWEEN "
              + startMicros
              + " AND "
              + endMicros);
    }
    List<String> keyIds = keys.stream().map(k -> id(k.name())).toList();
    String order = keyIds.isEmpty() ? "" : "ORDER BY " + String.join(", ", keyIds);
    String end =
        "(TIMESTAMPTZ '1970-01-01 00:00:00+00' + to_microseconds(CAST("
            + endMicros
            + " AS BIGINT)))";
    StringBuilder sql = new StringBuilder("CREATE TABLE ").append(id(EntityLoader.TABLE));
    sql.append(" AS SELECT CAST(row_number() OVER (").append(order).append(") - 1 AS BIGINT) AS ");
    sql.append(id(EntityLoader.ROW));
    for (String key : keyIds) {
      sql.append(", ").append(key);
    }
    sql.append(", ").append(end).append(" AS ").append(id(OfflineStore.EVENT_TIMESTAMP));
    sql.append(" FROM (SELECT DISTINCT ");
    sql.append(keyIds.isEmpty() ? id("__feast_any") : String.join(", ", keyIds));
    sql.append(" FROM (").append(String.join(" UNION ALL ", selects)).append(")) ");
    sql.append(order);
    boolean any;
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql.toString());
      try (ResultSet count =
          statement.executeQuery("SELECT count(*) FROM " + id(EntityLoader.TABLE))) {
        any = count.next() && count.getLong(1) > 0;
      }
    }
    List<String> names = names(columns);
    return new EntityRows(
        new EntityRelation(
            EntityLoader.TABLE, EntityLoader.ROW, names, OfflineStore.EVENT_TIMESTAMP),
        columns,
        any ? endMicros : null,
        any ? endMicros : null);
  }
}
