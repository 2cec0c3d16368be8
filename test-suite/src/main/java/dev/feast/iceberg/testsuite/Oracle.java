package dev.feast.iceberg.testsuite;

import dev.feast.iceberg.spi.DataSource;
import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.InvalidEntityRowsException;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.annotation.Evolving;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.ViewSelection;
import dev.feast.iceberg.spi.online.OnlineRow;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The expected answers: Feast's point-in-time rules (O1–O5 of test-suite/CONTRACT.md) applied
 * literally, one entity row and one source row at a time, with no SQL. Slow (entity rows × source
 * rows) and obviously right, which is the point; use it in your own tests on small data.
 *
 * <p>Source rows are given by source name ({@link DataSource#name()}), columns named as in the
 * source (before field mapping), values in Feast's Java representation.
 */
@Evolving
public final class Oracle {
  private Oracle() {}

  /**
   * The result of a point-in-time retrieval: the entity columns (the timestamp column as {@link
   * Instant}s), then each view's selected features; one row per entity row, in input order.
   */
  public static RowSet historical(HistoricalRequest request, Map<String, RowSet> sources) {
    if (!(request.entities() instanceof EntitySource.Rows rows)) {
      throw new IllegalArgumentException(
          "The oracle takes entity rows held in memory, not " + request.entities());
    }
    RowSet entities = rows.rows();
    String timestamp = entityTimestampColumn(entities.columns());
    List<Field> columns = new ArrayList<>();
    for (Field field : entities.columns()) {
      columns.add(field.name().equals(timestamp) ? timestampField(field.name()) : field);
    }
    for (ViewSelection view : request.views()) {
      for (Field feature : view.features()) {
        columns.add(
            Field.of(
                view.outputColumn(feature.name(), request.fullFeatureNames()), feature.type()));
      }
    }
    List<List<Object>> out = new ArrayList<>();
    for (int r = 0; r < entities.size(); r++) {
      List<Object> row = new ArrayList<>();
      for (Field field : entities.columns()) {
        Object value = entities.rows().get(r).get(entities.indexOf(field.name()));
        row.add(field.name().equals(timestamp) ? instant(value) : value);
      }
      Instant t = instant(entities.get(r, timestamp));
      for (ViewSelection view : request.views()) {
        RowSet source = source(sources, view.view());
        Map<String, Object> keys = new LinkedHashMap<>();
        for (String key : view.view().joinKeys()) {
          keys.put(key, entities.get(r, view.entityColumn(key)));
        }
        Integer winner =
            t == null
                ? null
                : winner(view.view(), source, keys, t, request.filterByCreatedTimestamp());
        for (Field feature : view.features()) {
          row.add(
              winner == null
                  ? null
                  : source.get(winner, view.view().source().sourceColumn(feature.name())));
        }
      }
      out.add(row);
    }
    return new RowSet(columns, out);
  }

  /**
   * The source row that wins for join key values {@code keys} at {@code t}, or null: same keys,
   * {@code ts <= t}, {@code ts >= t - ttl} when the ttl is positive, and with {@code
   * filterByCreated} also {@code created <= t}; the greatest {@code ts}, then the greatest created.
   */
  public static Integer winner(
      FeatureView view,
      RowSet source,
      Map<String, Object> keys,
      Instant t,
      boolean filterByCreated) {
    DataSource ds = view.source();
    Integer best = null;
    for (int s = 0; s < source.size(); s++) {
      if (!keysMatch(view, source, s, keys)) {
        continue;
      }
      Instant ts = instant(source.get(s, ds.timestampField()));
      if (ts == null || ts.isAfter(t)) {
        continue;
      }
      if (view.hasTtl() && ts.isBefore(t.minus(view.ttl()))) {
        continue;
      }
      if (filterByCreated && ds.hasCreatedTimestamp()) {
        Instant created = instant(source.get(s, ds.createdTimestampColumn()));
        if (created == null || created.isAfter(t)) {
          continue;
        }
      }
      if (best == null || beats(view, source, s, best)) {
        best = s;
      }
    }
    return best;
  }

  /**
   * {@code pull_latest}: per entity key, the winning row among those with event timestamp in {@code
   * [start, end]}. Columns: join keys, features, {@code event_timestamp}, and {@code
   * created_timestamp} when the source has one.
   */
  public static RowSet pullLatest(FeatureView view, RowSet source, Instant start, Instant end) {
    Map<List<Object>, Integer> latest = new LinkedHashMap<>();
    for (int s = 0; s < source.size(); s++) {
      if (!inRange(view, source, s, start, end)) {
        continue;
      }
      List<Object> key = keyOf(view, source, s);
      Integer best = latest.get(key);
      if (best == null || beats(view, source, s, best)) {
        latest.put(key, s);
      }
    }
    return pulled(view, source, new ArrayList<>(latest.values()));
  }

  /** {@code pull_all}: every row with event timestamp in {@code [start, end]}; as pullLatest. */
  public static RowSet pullAll(FeatureView view, RowSet source, Instant start, Instant end) {
    List<Integer> rows = new ArrayList<>();
    for (int s = 0; s < source.size(); s++) {
      if (inRange(view, source, s, start, end)) {
        rows.add(s);
      }
    }
    return pulled(view, source, rows);
  }

  /**
   * Retrieval over a date range without entity rows ({@link
   * OfflineStore#getHistoricalFeaturesBetween}): one entity row per distinct join key combination
   * with a row of any view in {@code [start, end]}, at {@code end}. Columns: the join keys, {@code
   * event_timestamp}, the features.
   */
  public static RowSet historicalBetween(
      List<ViewSelection> views,
      Instant start,
      Instant end,
      boolean fullFeatureNames,
      Map<String, RowSet> sources) {
    FeatureView first = views.get(0).view();
    Set<List<Object>> keys = new LinkedHashSet<>();
    for (ViewSelection selection : views) {
      FeatureView view = selection.view();
      if (!view.joinKeys().equals(first.joinKeys())) {
        throw new IllegalArgumentException(
            "Views " + first.name() + " and " + view.name() + " have different join keys");
      }
      RowSet source = source(sources, view);
      for (int s = 0; s < source.size(); s++) {
        if (inRange(view, source, s, start, end)) {
          keys.add(keyOf(view, source, s));
        }
      }
    }
    List<Field> columns = new ArrayList<>(first.entityColumns());
    columns.add(timestampField(OfflineStore.EVENT_TIMESTAMP));
    RowSet.Builder entities = RowSet.builder(columns);
    for (List<Object> key : keys) {
      List<Object> row = new ArrayList<>(key);
      row.add(end);
      entities.add(row);
    }
    return historical(
        new HistoricalRequest(EntitySource.of(entities.build()), views, fullFeatureNames, false),
        sources);
  }

  /**
   * The online state after writing these rows in any order: per key, the row with the greatest
   * (event timestamp, created timestamp); a missing created timestamp is the least.
   */
  public static Map<EntityKey, OnlineRow> latestOnline(List<OnlineRow> rows) {
    Map<EntityKey, OnlineRow> latest = new LinkedHashMap<>();
    for (OnlineRow row : rows) {
      latest.merge(row.key(), row, (old, next) -> newer(next, old) ? next : old);
    }
    return latest;
  }

  /**
   * Whether online row {@code a} replaces {@code b}: greater ts, or equal ts and greater created.
   */
  public static boolean newer(OnlineRow a, OnlineRow b) {
    int byTs = a.eventTimestamp().compareTo(b.eventTimestamp());
    if (byTs != 0) {
      return byTs > 0;
    }
    if (a.createdTimestamp() == null) {
      return false;
    }
    return b.createdTimestamp() == null || a.createdTimestamp().isAfter(b.createdTimestamp());
  }

  /**
   * The entity timestamp column: {@code event_timestamp}, else the only timestamp column; else an
   * {@link InvalidEntityRowsException}.
   */
  public static String entityTimestampColumn(List<Field> columns) {
    List<String> timestamps = new ArrayList<>();
    for (Field field : columns) {
      if (field.name().equals(OfflineStore.EVENT_TIMESTAMP)) {
        return field.name();
      }
      if (field.type() == ValueType.UNIX_TIMESTAMP) {
        timestamps.add(field.name());
      }
    }
    if (timestamps.size() != 1) {
      throw new InvalidEntityRowsException(
          "Entity rows need an 'event_timestamp' column or exactly one timestamp column; they"
              + " have "
              + timestamps);
    }
    return timestamps.get(0);
  }

  /** A timestamp in any java.time form as an instant; naive ones are UTC; null stays null. */
  public static Instant instant(Object value) {
    if (value == null || value instanceof Instant) {
      return (Instant) value;
    } else if (value instanceof ZonedDateTime t) {
      return t.toInstant();
    } else if (value instanceof OffsetDateTime t) {
      return t.toInstant();
    } else if (value instanceof LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC);
    }
    throw new IllegalArgumentException(
        "Not a timestamp: " + value + " (" + value.getClass().getName() + ")");
  }

  private static Field timestampField(String name) {
    return Field.of(name, ValueType.UNIX_TIMESTAMP);
  }

  private static RowSet source(Map<String, RowSet> sources, FeatureView view) {
    RowSet source = sources.get(view.source().name());
    if (source == null) {
      throw new IllegalArgumentException(
          "No rows for source '"
              + view.source().name()
              + "' of view '"
              + view.name()
              + "'; sources given: "
              + sources.keySet());
    }
    return source;
  }

  private static boolean keysMatch(
      FeatureView view, RowSet source, int s, Map<String, Object> keys) {
    for (String key : view.joinKeys()) {
      Object wanted = keys.get(key);
      if (wanted == null
          || !Objects.equals(wanted, source.get(s, view.source().sourceColumn(key)))) {
        return false;
      }
    }
    return true;
  }

  private static boolean inRange(
      FeatureView view, RowSet source, int s, Instant start, Instant end) {
    Instant ts = instant(source.get(s, view.source().timestampField()));
    return ts != null && !ts.isBefore(start) && !ts.isAfter(end);
  }

  private static List<Object> keyOf(FeatureView view, RowSet source, int s) {
    List<Object> key = new ArrayList<>();
    for (String joinKey : view.joinKeys()) {
      key.add(source.get(s, view.source().sourceColumn(joinKey)));
    }
    return key;
  }

  /** Whether source row a beats row b: greater ts, then greater created (missing is least). */
  private static boolean beats(FeatureView view, RowSet source, int a, int b) {
    DataSource ds = view.source();
    Instant tsA = instant(source.get(a, ds.timestampField()));
    Instant tsB = instant(source.get(b, ds.timestampField()));
    if (!tsA.equals(tsB)) {
      return tsA.isAfter(tsB);
    }
    if (!ds.hasCreatedTimestamp()) {
      return false;
    }
    Instant cA = instant(source.get(a, ds.createdTimestampColumn()));
    Instant cB = instant(source.get(b, ds.createdTimestampColumn()));
    return cA != null && (cB == null || cA.isAfter(cB));
  }

  private static RowSet pulled(FeatureView view, RowSet source, List<Integer> rows) {
    DataSource ds = view.source();
    List<Field> columns = new ArrayList<>(view.entityColumns());
    columns.addAll(view.features());
    columns.add(timestampField(OfflineStore.EVENT_TIMESTAMP));
    if (ds.hasCreatedTimestamp()) {
      columns.add(timestampField(OfflineStore.CREATED_TIMESTAMP));
    }
    RowSet.Builder out = RowSet.builder(columns);
    for (int s : rows) {
      List<Object> row = new ArrayList<>();
      for (Field field : view.entityColumns()) {
        row.add(source.get(s, ds.sourceColumn(field.name())));
      }
      for (Field field : view.features()) {
        row.add(source.get(s, ds.sourceColumn(field.name())));
      }
      row.add(instant(source.get(s, ds.timestampField())));
      if (ds.hasCreatedTimestamp()) {
        row.add(instant(source.get(s, ds.createdTimestampColumn())));
      }
      out.add(row);
    }
    return out.build();
  }
}
