package dev.feast.iceberg.online;

import dev.feast.iceberg.online.serving.FeatureColumns;
import dev.feast.iceberg.online.serving.KeyedRow;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.Remedy;
import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.online.OnlineRow;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the rows of one write into the rows the table receives: values checked against the view's
 * feature types, timestamps cut to the microseconds Iceberg stores, one row per key (the greatest
 * (event, created) of the batch; the later one on a full tie), sorted by key as the table's sort
 * order says. The per-view lookups (feature to column, allowed names) are computed once per batch,
 * so each row costs one pass over its values.
 */
final class RowPreparer {
  private final FeatureView view;
  private final int width;
  private final String[] names;
  private final int[] columns;
  private final Class<?>[] classes;
  private final Class<?>[] elements;
  private final boolean[] needsNormalizing;
  private final Set<String> allowed = new HashSet<>();

  private RowPreparer(FeatureView view, FeatureColumns table) {
    this.view = view;
    List<Field> features = view.features();
    this.width = table.names().size();
    this.names = new String[features.size()];
    this.columns = new int[features.size()];
    this.classes = new Class<?>[features.size()];
    this.elements = new Class<?>[features.size()];
    this.needsNormalizing = new boolean[features.size()];
    for (int i = 0; i < names.length; i++) {
      Field feature = features.get(i);
      names[i] = feature.name();
      columns[i] = table.indexOf(feature.name());
      if (columns[i] < 0) {
        throw new SchemaMismatchException(
            "Online table of view '"
                + view.name()
                + "' has no column for feature '"
                + feature.name()
                + "'",
            Remedy.APPLY);
      }
      ValueType type = feature.type();
      classes[i] = type.javaClass();
      elements[i] = type.isList() ? type.elementType().javaClass() : null;
      needsNormalizing[i] =
          type.isList()
              || classes[i] == Instant.class
              || classes[i] == ByteBuffer.class
              || classes[i] == byte[].class;
      allowed.add(feature.name());
    }
    allowed.addAll(view.joinKeys());
  }

  static List<KeyedRow> prepare(FeatureView view, FeatureColumns columns, List<OnlineRow> rows) {
    return new RowPreparer(view, columns).prepare(rows);
  }

  private List<KeyedRow> prepare(List<OnlineRow> rows) {
    Map<ByteBuffer, KeyedRow> winners = new HashMap<>(rows.size() * 4 / 3 + 16);
    for (OnlineRow row : rows) {
      KeyedRow prepared = prepare(row);
      KeyedRow held = winners.putIfAbsent(prepared.key(), prepared);
      if (held != null && prepared.replaces(held)) {
        winners.put(prepared.key(), prepared);
      }
    }
    List<KeyedRow> sorted = new ArrayList<>(winners.values());
    sorted.sort((a, b) -> KeyedRow.compareKeys(a.key(), b.key()));
    return sorted;
  }

  private KeyedRow prepare(OnlineRow row) {
    Map<String, Object> given = row.values();
    Object[] values = new Object[width];
    int found = 0;
    for (int i = 0; i < names.length; i++) {
      Object value = given.get(names[i]);
      if (value != null) {
        found++;
        if (!classes[i].isInstance(value)) {
          throw mismatch(i, row, value.getClass().getName() + " " + value);
        }
        if (needsNormalizing[i]) {
          checkElements(i, value, row);
          value = normalize(value);
        }
      } else if (given.containsKey(names[i])) {
        found++;
      }
      values[columns[i]] = value;
    }
    if (found != given.size()) {
      // Some names are not features: join keys are allowed, anything else is an error.
      for (String name : given.keySet()) {
        if (!allowed.contains(name)) {
          throw new SchemaMismatchException(
              "Row for key "
                  + row.key()
                  + " has a value for '"
                  + name
                  + "', which feature view '"
                  + view.name()
                  + "' does not declare; its features are "
                  + view.features().stream().map(Field::name).toList());
        }
      }
    }
    return new KeyedRow(
        ByteBuffer.wrap(row.key().serialize()),
        micros(row.eventTimestamp()),
        micros(row.createdTimestamp()),
        values);
  }

  private void checkElements(int feature, Object value, OnlineRow row) {
    if (elements[feature] == null) {
      return;
    }
    List<?> list = (List<?>) value;
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      if (item != null && !elements[feature].isInstance(item)) {
        throw mismatch(
            feature, row, "a list whose element " + i + " is " + item.getClass().getName());
      }
    }
  }

  private SchemaMismatchException mismatch(int feature, OnlineRow row, String actual) {
    ValueType type = view.features().get(feature).type();
    String expected =
        type.isList()
            ? "List<" + type.elementType().javaClass().getName() + ">"
            : type.javaClass().getName();
    return new SchemaMismatchException(
        "Feature view '"
            + view.name()
            + "', feature '"
            + names[feature]
            + "' is "
            + type
            + " and expects "
            + expected
            + ", but the row for key "
            + row.key()
            + " has "
            + actual
            + "; convert the value to "
            + expected);
  }

  /**
   * Instants as Iceberg stores them (microseconds); byte buffers and lists copied, so that the
   * caller may reuse theirs and the serving state may keep these.
   */
  private static Object normalize(Object value) {
    if (value instanceof Instant instant) {
      return micros(instant);
    } else if (value instanceof ByteBuffer buffer) {
      ByteBuffer source = buffer.duplicate();
      byte[] bytes = new byte[source.remaining()];
      source.get(bytes);
      return ByteBuffer.wrap(bytes);
    } else if (value instanceof byte[] bytes) {
      return bytes.clone();
    } else if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(normalize(item)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  private static Instant micros(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }
}
