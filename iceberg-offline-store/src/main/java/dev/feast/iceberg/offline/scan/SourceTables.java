package dev.feast.iceberg.offline.scan;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.Remedy;
import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import dev.feast.iceberg.spi.UnsupportedFeatureException;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/** Finds the Iceberg table behind a feature view and checks it has the columns the view reads. */
public final class SourceTables {
  private SourceTables() {}

  /** The view's source, which must be an Iceberg table. */
  public static IcebergSource source(FeatureView view) {
    if (view.source() instanceof IcebergSource source) {
      return source;
    }
    throw new UnsupportedFeatureException(
        "Iceberg offline",
        "the source of feature view '"
            + view.name()
            + "' ("
            + view.source().getClass().getSimpleName()
            + "); give it an Iceberg table source");
  }

  /** The current state of the view's source table; fails naming the table when it is missing. */
  public static Table load(Catalog catalog, FeatureView view) {
    IcebergSource source = source(view);
    try {
      return catalog.loadTable(source.identifier());
    } catch (NoSuchTableException e) {
      throw new UnknownDefinitionException(
          "Table '"
              + source.table()
              + "', the source of feature view '"
              + view.name()
              + "', does not exist in catalog '"
              + catalog.name()
              + "'",
          Remedy.WRITE_OFFLINE);
    }
  }

  /** Fails naming the column when the table lacks one the view reads. */
  public static void checkColumns(Table table, FeatureView view, SourceColumns columns) {
    for (String column : columns.sourceNames()) {
      if (table.schema().findField(column) == null) {
        throw new SchemaMismatchException(
            "Feature view '"
                + view.name()
                + "' reads column '"
                + column
                + "' of table "
                + table.name()
                + ", which has no such column; its columns are "
                + names(table)
                + "; fix the feature or join key names, the timestamp fields or field_mapping");
      }
    }
    checkTimestamp(table, view, columns.timestamp());
    if (columns.hasCreated()) {
      checkTimestamp(table, view, columns.created());
    }
  }

  private static void checkTimestamp(Table table, FeatureView view, String column) {
    Type type = table.schema().findField(column).type();
    Type.TypeID id = type.typeId();
    if (id != Type.TypeID.TIMESTAMP && id != Type.TypeID.TIMESTAMP_NANO && id != Type.TypeID.DATE) {
      throw new SchemaMismatchException(
          "Column '"
              + column
              + "' of table "
              + table.name()
              + " (a timestamp of feature view '"
              + view.name()
              + "') is "
              + type
              + ", not a timestamp");
    }
  }

  private static List<String> names(Table table) {
    return table.schema().columns().stream().map(Types.NestedField::name).toList();
  }
}
