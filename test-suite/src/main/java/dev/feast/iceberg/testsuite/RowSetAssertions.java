package dev.feast.iceberg.testsuite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.annotation.Evolving;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;

/**
 * Compares results with the oracle's: the same columns (names and types, in order) and the same
 * rows as a multiset (duplicates count), value by value with {@code equals}, so a float that came
 * back as a double, or an int32 as an int64, is a difference. Failures list the rows that differ.
 */
@Evolving
public final class RowSetAssertions {
  private static final int SHOWN = 12;

  private RowSetAssertions() {}

  /** Asserts {@code actual} has {@code expected}'s columns and rows, rows in any order. */
  public static void assertSameRows(String what, RowSet actual, RowSet expected) {
    assertThat(actual.columns()).as("%s: columns (name, type)", what).isEqualTo(expected.columns());
    Map<List<Object>, Integer> counts = new HashMap<>();
    expected.rows().forEach(row -> counts.merge(row, 1, Integer::sum));
    List<List<Object>> unexpected = new ArrayList<>();
    for (List<Object> row : actual.rows()) {
      Integer left = counts.get(row);
      if (left == null || left == 0) {
        unexpected.add(row);
      } else {
        counts.put(row, left - 1);
      }
    }
    List<List<Object>> missing = new ArrayList<>();
    counts.forEach(
        (row, left) -> {
          for (int i = 0; i < left; i++) {
            missing.add(row);
          }
        });
    if (!unexpected.isEmpty() || !missing.isEmpty() || actual.size() != expected.size()) {
      Assertions.fail(
          what
              + ": "
              + actual.size()
              + " rows, expected "
              + expected.size()
              + "; columns "
              + names(expected.columns())
              + "\n  expected but missing ("
              + missing.size()
              + "): "
              + describe(missing)
              + "\n  returned but not expected ("
              + unexpected.size()
              + "): "
              + describe(unexpected));
    }
  }

  private static List<String> names(List<Field> fields) {
    return fields.stream().map(Field::name).toList();
  }

  private static String describe(List<List<Object>> rows) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(SHOWN, rows.size()); i++) {
      out.append("\n    ").append(typed(rows.get(i)));
    }
    if (rows.size() > SHOWN) {
      out.append("\n    ... ").append(rows.size() - SHOWN).append(" more");
    }
    return out.toString();
  }

  /** A row with each value's class, so a Float and a Double of the same number differ visibly. */
  static String typed(List<Object> row) {
    List<String> values = new ArrayList<>();
    for (Object value : row) {
      values.add(value == null ? "null" : value + ":" + value.getClass().getSimpleName());
    }
    return values.toString();
  }
}
