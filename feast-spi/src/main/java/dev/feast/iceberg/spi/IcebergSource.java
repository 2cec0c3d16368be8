package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;
import java.util.Map;
import java.util.Objects;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * An Iceberg table as a feature source.
 *
 * @param name the source name
 * @param table the table as {@code namespace.table} in the offline store's catalog
 * @param timestampField the event timestamp column
 * @param createdTimestampColumn the created timestamp column, or empty
 * @param fieldMapping source column to feature or join key name
 */
@Stable
public record IcebergSource(
    String name,
    String table,
    String timestampField,
    String createdTimestampColumn,
    Map<String, String> fieldMapping)
    implements DataSource {
  public IcebergSource {
    Names.requireName(table, "source table");
    name = name == null || name.isEmpty() ? table : name;
    Names.requireName(timestampField, "timestamp_field of source '" + name + "'");
    createdTimestampColumn = createdTimestampColumn == null ? "" : createdTimestampColumn;
    fieldMapping = Map.copyOf(Objects.requireNonNullElse(fieldMapping, Map.of()));
    if (!table.contains(".")) {
      throw new InvalidDefinitionException(
          "Source table '" + table + "' needs a namespace: write it as <namespace>.<table>");
    }
  }

  /** A source without a created timestamp or field mapping. */
  public static IcebergSource of(String table, String timestampField) {
    return new IcebergSource(table, table, timestampField, "", Map.of());
  }

  /** A source with a created timestamp column. */
  public static IcebergSource of(
      String table, String timestampField, String createdTimestampColumn) {
    return new IcebergSource(table, table, timestampField, createdTimestampColumn, Map.of());
  }

  /** The same source with a field mapping. */
  public IcebergSource withFieldMapping(Map<String, String> mapping) {
    return new IcebergSource(name, table, timestampField, createdTimestampColumn, mapping);
  }

  /** The table as an Iceberg identifier. */
  public TableIdentifier identifier() {
    return TableIdentifier.parse(table);
  }
}
