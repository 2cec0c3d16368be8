package dev.feast.iceberg.reliability.concurrency;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every concurrent writer does, in a test thread or a child JVM: per commit and per view,
 * append a batch to the view's offline source ({@code writeToOfflineStore}), then materialize the
 * view's whole window online. Every row is known in advance, so the final state is exact.
 *
 * <p>Writer {@code w}'s commit {@code c} holds: its own keys {@code w*100+1..5} at minute c; the
 * shared key 0 at minute c plus w seconds (a moment no other commit uses); and on odd commits a
 * late row of key {@code w*100+50}, a day older than anything, next to its current value.
 */
final class Workload {
  static final int COMMITS = 3;
  static final int KEYS = 5;
  static final long SHARED = 0;
  static final List<String> VIEWS = List.of("trips", "ratings");
  static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant START = BASE.minus(Duration.ofDays(2));
  static final Instant END = BASE.plus(Duration.ofDays(1));
  static final Entity DRIVER = new Entity("driver", "driver_id", ValueType.INT64, "a driver");
  static final List<Field> COLUMNS =
      List.of(
          Field.of("driver_id", ValueType.INT64),
          Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP),
          Field.of("value", ValueType.INT64),
          Field.of("score", ValueType.DOUBLE),
          Field.of("created", ValueType.UNIX_TIMESTAMP));

  private Workload() {}

  /** The views, their sources in namespace {@code namespace}. */
  static List<FeatureView> views(String namespace) {
    return VIEWS.stream()
        .map(
            name ->
                FeatureView.builder(name)
                    .entity(DRIVER)
                    .feature("value", ValueType.INT64)
                    .feature("score", ValueType.DOUBLE)
                    .source(
                        IcebergSource.of(
                            namespace + "." + name + "_src", "event_timestamp", "created"))
                    .build())
        .toList();
  }

  /** Runs writer {@code writer}'s commits through {@code store}. */
  static void run(FeatureStore store, int writer) {
    for (int c = 0; c < COMMITS; c++) {
      for (String view : VIEWS) {
        store.writeToOfflineStore(view, batch(view, writer, c));
        store.materialize(START, END, view);
      }
    }
  }

  /** The rows of writer {@code w}'s commit {@code c} to {@code view}. */
  static RowSet batch(String view, int w, int c) {
    RowSet.Builder rows = RowSet.builder(COLUMNS);
    long offset = VIEWS.indexOf(view) * 1_000_000L;
    Instant at = BASE.plus(Duration.ofMinutes(c));
    for (int k = 1; k <= KEYS; k++) {
      add(rows, w * 100L + k, at, offset + w * 1000L + c);
    }
    add(rows, SHARED, at.plusSeconds(w), offset + c * 10L + w);
    if (c % 2 == 1) {
      add(rows, w * 100L + 50, BASE.minus(Duration.ofDays(1)), offset - 1);
      add(rows, w * 100L + 50, at, offset + 50 + c);
    }
    return rows.build();
  }

  private static void add(RowSet.Builder rows, long key, Instant at, long value) {
    rows.add(key, at, value, value / 4.0, at);
  }

  /** Every row all {@code writers} write to {@code view}. */
  static List<List<Object>> allRows(String view, int writers) {
    List<List<Object>> all = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      for (int c = 0; c < COMMITS; c++) {
        all.addAll(batch(view, w, c).rows());
      }
    }
    return all;
  }

  /** The latest {@code value} per key of {@code view} (no two rows of a key tie). */
  static Map<Long, Long> latest(String view, int writers) {
    Map<Long, List<Object>> winners = new TreeMap<>();
    for (List<Object> row : allRows(view, writers)) {
      winners.merge(
          (Long) row.get(0),
          row,
          (a, b) -> ((Instant) a.get(1)).isAfter((Instant) b.get(1)) ? a : b);
    }
    Map<Long, Long> latest = new TreeMap<>();
    winners.forEach((key, row) -> latest.put(key, (Long) row.get(2)));
    return latest;
  }
}
