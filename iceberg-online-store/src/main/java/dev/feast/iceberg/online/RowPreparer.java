package dev.feast.iceberg.online;

import dev.feast.iceberg.online.serving.FeatureColumns;
import dev.feast.iceberg.online.serving.KeyedRow;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.online.OnlineRow;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the rows of one write into the rows the table receives: values checked against the
 * view's feature types, timestamps cut to the microseconds Iceberg stores, one row per key (the
 * greatest (event, created) of the batch; the later one on a full tie), sorted by key as the
 * table's sort order says.
 */
final class RowPreparer {
  private static final Comparator<ByteBuffer> UNSIGNED_BYTES =
      (a, b) -> Arrays.compareUnsigned(bytes(a), bytes(b));

  private RowPreparer() {}

  static List<KeyedRow> prepare(FeatureView view, FeatureColumns columns, List<OnlineRow> rows) {
    for (Field feature : view.features()) {
      if (columns.indexOf(feature.name()) < 0) {
        throw new SchemaMismatchException(
            "Online table of view '" + view.name() + "' has no column for feature '"
                + feature.name() + "'; run feast apply (OnlineStore.update) to add it");
      }
    }
    Map<ByteBuffer, KeyedRow> winners = new HashMap<>();
    for (OnlineRow row : rows) {
      KeyedRow prepared = prepare(view, row);
      winners.merge(prepared.key(), prepared, (held, incoming) -> newer(held, incoming));
    }
    List<KeyedRow> sorted = new ArrayList<>(winners.values());
    sorted.sort(Comparator.comparing(KeyedRow::key, UNSIGNED_BYTES));
    return sorted;
  }

  private static KeyedRow prepare(FeatureView view, OnlineRow row) {
    for (String name : row.values().keySet()) {
      if (view.feature(name).isEmpty() && !view.joinKeys().contains(name)) {
        throw new SchemaMismatchException(
            "Row for key " + row.key() + " has a value for '" + name + "', which feature view '"
                + view.name() + "' does not declare; its features are "
                + view.features().stream().map(Field::name).toList());
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Field feature : view.features()) {
      Object value = row.values().get(feature.name());
      check(view, feature, value, row);
      values.put(feature.name(), normalize(value));
    }
    return new KeyedRow(
        ByteBuffer.wrap(row.key().serialize()),
        micros(row.eventTimestamp()),
        micros(row.createdTimestamp()),
        values);
  }

  private static KeyedRow newer(KeyedRow held, KeyedRow incoming) {
    int byEvent = incoming.eventTimestamp().compareTo(held.eventTimestamp());
    if (byEvent != 0) {
      return byEvent > 0 ? incoming : held;
    }
    Comparator<Instant> created = Comparator.nullsFirst(Comparator.naturalOrder());
    return created.compare(incoming.createdTimestamp(), held.createdTimestamp()) >= 0
        ? incoming
        : held;
  }

  private static void check(FeatureView view, Field feature, Object value, OnlineRow row) {
    if (value == null) {
      return;
    }
    ValueType type = feature.type();
    if (!type.javaClass().isInstance(value)) {
      throw mismatch(view, feature, row, value.getClass().getName() + " " + value);
    }
    if (type.isList()) {
      Class<?> element = type.elementType().javaClass();
      List<?> list = (List<?>) value;
      for (int i = 0; i < list.size(); i++) {
        Object item = list.get(i);
        if (item != null && !element.isInstance(item)) {
          throw mismatch(
              view, feature, row, "a list whose element " + i + " is " + item.getClass().getName());
        }
      }
    }
  }

  private static SchemaMismatchException mismatch(
      FeatureView view, Field feature, OnlineRow row, String actual) {
    String expected = feature.type().isList()
        ? "List<" + feature.type().elementType().javaClass().getName() + ">"
        : feature.type().javaClass().getName();
    return new SchemaMismatchException(
        "Feature view '" + view.name() + "', feature '" + feature.name() + "' is "
            + feature.type() + " and expects " + expected + ", but the row for key " + row.key()
            + " has " + actual + "; convert the value to " + expected);
  }

  /** Instants as Iceberg stores them (microseconds); lists copied so callers may reuse theirs. */
  private static Object normalize(Object value) {
    if (value instanceof Instant instant) {
      return micros(instant);
    } else if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(normalize(item)));
      return copy;
    }
    return value;
  }

  private static Instant micros(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer b = buffer.duplicate();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }
}
