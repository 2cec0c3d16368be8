package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed rows held in memory: entity rows going in, results coming out, batches to write. Values
 * follow {@link ValueType}'s Java representation; {@code null} is a missing value.
 *
 * @param columns the columns, in order
 * @param rows each row's values, aligned with {@code columns}
 */
@Stable
public record RowSet(List<Field> columns, List<List<Object>> rows) {
  public RowSet {
    columns = List.copyOf(columns);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      if (seen.put(columns.get(i).name(), i) != null) {
        throw new InvalidEntityRowsException(
            "Column '" + columns.get(i).name() + "' appears twice");
      }
    }
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new InvalidEntityRowsException(
            "Row "
                + copy.size()
                + " has "
                + row.size()
                + " values for "
                + columns.size()
                + " columns");
      }
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  /** A builder of rows with these columns. */
  public static Builder builder(Field... columns) {
    return new Builder(Arrays.asList(columns));
  }

  /** A builder of rows with these columns. */
  public static Builder builder(List<Field> columns) {
    return new Builder(columns);
  }

  /** The number of rows. */
  public int size() {
    return rows.size();
  }

  /** The position of a column, or -1. */
  public int indexOf(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    return -1;
  }

  /** The names of the columns, in order. */
  public List<String> columnNames() {
    return columns.stream().map(Field::name).toList();
  }

  /** One value; fails naming the column when there is no such column. */
  public Object get(int row, String column) {
    int index = indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException(
          "No column '" + column + "'; columns are " + columnNames());
    }
    return rows.get(row).get(index);
  }

  /** Each row as a map from column name to value, in column order. */
  public List<Map<String, Object>> toMaps() {
    List<Map<String, Object>> maps = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        map.put(columns.get(i).name(), row.get(i));
      }
      maps.add(map);
    }
    return maps;
  }

  /** Collects rows for a {@link RowSet}. */
  @Stable
  public static final class Builder {
    private final List<Field> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    private Builder(List<Field> columns) {
      this.columns = List.copyOf(columns);
    }

    /** Adds a row; values in column order. */
    public Builder add(Object... values) {
      rows.add(Arrays.asList(values.clone()));
      return this;
    }

    /** Adds a row; values in column order. */
    public Builder add(List<Object> values) {
      rows.add(new ArrayList<>(values));
      return this;
    }

    /** The rows. */
    public RowSet build() {
      return new RowSet(columns, rows);
    }
  }
}
