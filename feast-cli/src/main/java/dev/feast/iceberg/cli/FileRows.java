package dev.feast.iceberg.cli;

import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.SourceColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the rows of a file written to a feature view's source, checking each as it comes: its
 * columns are the view's (required ones present), every required value is there, every value has
 * its column's type. The first problem is reported, with how many more rows have one and where the
 * next is, so a user fixing a file sees the scale of it; nothing is kept once a row is bad.
 */
final class FileRows {
  /** Reads one raw value of a file as a value of the column's type. */
  interface Reader {
    Object read(Object raw, SourceColumn column) throws BadValue;
  }

  private final String file;
  private final String owner;
  private final String missing;
  private final SourceColumn[] columns;
  private final List<Field> fields = new ArrayList<>();
  private final List<List<Object>> rows = new ArrayList<>();
  private String first;
  private long more;
  private String next;

  /**
   * @param file how messages name the file
   * @param header the file's column names
   * @param view the view's source columns
   * @param owner whose columns they are ({@code feature view 'driver_hourly_stats'})
   * @param missing how a missing value reads in this file ({@code is empty}, {@code is null})
   */
  FileRows(
      String file, List<String> header, List<SourceColumn> view, String owner, String missing) {
    this.file = file;
    this.owner = owner;
    this.missing = missing;
    Map<String, SourceColumn> byName = new LinkedHashMap<>();
    view.forEach(column -> byName.put(column.name(), column));
    Set<String> seen = new HashSet<>();
    columns = new SourceColumn[header.size()];
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      if (name.isEmpty()) {
        throw new CliException(
            file
                + ": column "
                + (i + 1)
                + " of the header has no name; name it or drop it (pandas writes its index there"
                + " unless to_csv(index=False))");
      }
      if (!seen.add(name)) {
        throw new CliException(
            file + ": column '" + name + "' appears twice in the header; keep one");
      }
      SourceColumn column = byName.get(name);
      if (column == null) {
        throw new CliException(
            "Column '"
                + name
                + "' of "
                + file
                + " is not a column of the source of "
                + owner
                + "; its columns are "
                + byName.keySet()
                + ": rename or drop the column");
      }
      columns[i] = column;
      fields.add(new Field(name, column.type()));
    }
    for (SourceColumn column : view) {
      if (column.required() && !seen.contains(column.name())) {
        throw new CliException(
            file
                + " has no column '"
                + column.name()
                + "' ("
                + column.role()
                + " of "
                + owner
                + "); its columns are "
                + header
                + ": add it, with a value in every row");
      }
    }
  }

  /** Adds a row of raw values, one per header column; {@code where} names it ({@code line 7}). */
  void add(String where, List<?> raw, Reader reader) {
    Object[] values = new Object[columns.length];
    for (int c = 0; c < columns.length; c++) {
      SourceColumn column = columns[c];
      try {
        values[c] = reader.read(raw.get(c), column);
      } catch (BadValue e) {
        fail(
            where,
            ": column '"
                + column.name()
                + "' ("
                + column.type().feastName()
                + "): "
                + e.getMessage());
        return;
      }
      if (values[c] == null && column.required()) {
        fail(
            where,
            ": column '"
                + column.name()
                + "' ("
                + column.role()
                + " of "
                + owner
                + ") "
                + missing
                + "; every row needs one: fill it in or drop the row");
        return;
      }
    }
    if (first == null) {
      rows.add(Arrays.asList(values));
    }
  }

  /** A row that cannot be read; {@code problem} follows the file and {@code where}. */
  void fail(String where, String problem) {
    if (first == null) {
      first = file + " " + where + problem;
      rows.clear();
    } else {
      more++;
      if (next == null) {
        next = where;
      }
    }
  }

  /** The rows, or the first problem (and how many more rows have one) as the error. */
  RowSet rows() {
    if (first != null) {
      throw new CliException(
          first
              + (more == 0
                  ? ""
                  : " ("
                      + more
                      + (more == 1 ? " more row has" : " more rows have")
                      + " errors, the next on "
                      + next
                      + ")"));
    }
    return new RowSet(fields, rows);
  }
}
