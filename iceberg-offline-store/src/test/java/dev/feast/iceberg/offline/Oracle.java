package dev.feast.iceberg.offline;

import dev.feast.iceberg.common.Instants;
import dev.feast.iceberg.spi.DataSource;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The point-in-time rules of DESIGN §3 applied literally, row by row, with no SQL: the answer the
 * store must give.
 */
final class Oracle {
  private Oracle() {}

  /**
   * The expected result.
   *
   * @param entities the entity rows
   * @param timestamp the entity timestamp column
   * @param views the selections
   * @param sources each view's source rows by view name, columns named as in the source
   */
  static RowSet retrieve(
      RowSet entities,
      String timestamp,
      List<ViewSelection> views,
      Map<String, RowSet> sources,
      boolean fullFeatureNames,
      boolean filterByCreated) {
    List<Field> columns = new ArrayList<>();
    for (Field field : entities.columns()) {
      columns.add(
          field.name().equals(timestamp)
              ? Field.of(field.name(), ValueType.UNIX_TIMESTAMP)
              : field);
    }
    for (ViewSelection view : views) {
      for (Field feature : view.features()) {
        columns.add(Field.of(view.outputColumn(feature.name(), fullFeatureNames), feature.type()));
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    for (int r = 0; r < entities.size(); r++) {
      List<Object> out = new ArrayList<>();
      for (Field field : entities.columns()) {
        Object value = entities.get(r, field.name());
        out.add(field.type() == ValueType.UNIX_TIMESTAMP ? Instants.of(value) : value);
      }
      Instant t = Instants.of(entities.get(r, timestamp));
      for (ViewSelection view : views) {
        RowSet source = sources.get(view.view().name());
        Integer winner = winner(entities, r, t, view, source, filterByCreated);
        DataSource ds = view.view().source();
        for (Field feature : view.features()) {
          out.add(winner == null ? null : source.get(winner, ds.sourceColumn(feature.name())));
        }
      }
      rows.add(out);
    }
    return new RowSet(columns, rows);
  }

  /** The source row that wins for entity row r, or null when no row is a candidate. */
  static Integer winner(
      RowSet entities,
      int r,
      Instant t,
      ViewSelection view,
      RowSet source,
      boolean filterByCreated) {
    FeatureView fv = view.view();
    DataSource ds = fv.source();
    Integer best = null;
    if (t == null) {
      return null;
    }
    for (int s = 0; s < source.size(); s++) {
      boolean keysMatch = true;
      for (String key : fv.joinKeys()) {
        Object entityValue = entities.get(r, view.entityColumn(key));
        Object sourceValue = source.get(s, ds.sourceColumn(key));
        if (entityValue == null || !Objects.equals(entityValue, sourceValue)) {
          keysMatch = false;
        }
      }
      if (!keysMatch) {
        continue;
      }
      Instant ts = (Instant) source.get(s, ds.timestampField());
      if (ts == null || ts.isAfter(t)) {
        continue;
      }
      if (fv.hasTtl() && ts.isBefore(t.minus(fv.ttl()))) {
        continue;
      }
      Instant created =
          ds.hasCreatedTimestamp() ? (Instant) source.get(s, ds.createdTimestampColumn()) : null;
      if (filterByCreated && ds.hasCreatedTimestamp() && (created == null || created.isAfter(t))) {
        continue;
      }
      if (best == null || later(source, s, best, ds)) {
        best = s;
      }
    }
    return best;
  }

  /** Whether row a beats row b: greater ts, then greater created (a missing created is least). */
  private static boolean later(RowSet source, int a, int b, DataSource ds) {
    Instant tsA = (Instant) source.get(a, ds.timestampField());
    Instant tsB = (Instant) source.get(b, ds.timestampField());
    if (!tsA.equals(tsB)) {
      return tsA.isAfter(tsB);
    }
    if (!ds.hasCreatedTimestamp()) {
      return false;
    }
    Instant cA = (Instant) source.get(a, ds.createdTimestampColumn());
    Instant cB = (Instant) source.get(b, ds.createdTimestampColumn());
    if (cA == null) {
      return false;
    }
    return cB == null || cA.isAfter(cB);
  }
}
