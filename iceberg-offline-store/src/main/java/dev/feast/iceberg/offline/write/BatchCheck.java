package dev.feast.iceberg.offline.write;

import dev.feast.iceberg.offline.values.Values;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.SourceColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * Checks a batch against its feature view before anything is written, so a rejected batch leaves
 * the table (or its absence) exactly as it was: the view's columns have the view's types, every row
 * holds the join keys and timestamps, and every value is of its column's type. A row without a join
 * key or event timestamp could never be materialized nor removed by any verb, which is why it is
 * refused here rather than later.
 */
final class BatchCheck {
  private BatchCheck() {}

  static void check(FeatureView view, TableIdentifier table, RowSet rows) {
    String target = "feature view '" + view.name() + "' (table " + table + ")";
    List<Integer> required = new ArrayList<>();
    List<SourceColumn> requiredColumns = new ArrayList<>();
    for (SourceColumn column : SourceColumn.of(view)) {
      int index = rows.indexOf(column.name());
      if (index < 0) {
        if (column.required()) {
          throw new SchemaMismatchException(
              "Rows written to "
                  + target
                  + " have no column '"
                  + column.name()
                  + "' ("
                  + column.role()
                  + "); columns are "
                  + rows.columnNames()
                  + ": add it, with a value in every row");
        }
        continue;
      }
      Field field = rows.columns().get(index);
      if (field.type() != column.type()) {
        throw new SchemaMismatchException(
            "Column '"
                + column.name()
                + "' written to "
                + target
                + ": expected "
                + column.type().feastName()
                + " (the view's type of "
                + column.role()
                + "), actual "
                + field.type().feastName()
                + "; convert the values or fix the view");
      }
      if (column.required()) {
        required.add(index);
        requiredColumns.add(column);
      }
    }
    List<Field> columns = rows.columns();
    for (int r = 0; r < rows.size(); r++) {
      List<Object> row = rows.rows().get(r);
      for (int i = 0; i < required.size(); i++) {
        if (row.get(required.get(i)) == null) {
          SourceColumn column = requiredColumns.get(i);
          throw new SchemaMismatchException(
              "Row index "
                  + r
                  + " written to "
                  + target
                  + " has no value in column '"
                  + column.name()
                  + "' ("
                  + column.role()
                  + "); every row needs one: fill it in or drop the row");
        }
      }
      for (int c = 0; c < columns.size(); c++) {
        try {
          Values.normalize(row.get(c), columns.get(c).type(), columns.get(c).name());
        } catch (SchemaMismatchException e) {
          throw new SchemaMismatchException(
              "Row index " + r + " written to " + target + ": " + e.getMessage());
        }
      }
    }
  }
}
