package dev.feast.iceberg.reliability.crash;

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
import java.util.function.Consumer;

/**
 * The work a crashing writer does, one numbered step at a time: append batch {@code i} to the
 * offline source, materialize the whole window online, and now and then run maintenance. Batch
 * {@code i} holds, at minute {@code i}, every key {@code k < KEYS} with {@code (i + k) % 4 != 0},
 * valued {@code i * 100000 + k}; so the state after any number of batches is known exactly.
 */
final class CrashWorkload {
  static final int KEYS = 400;
  static final String VIEW = "speeds";
  static final String NAMESPACE = "crash";
  static final Instant BASE = Instant.parse("2026-02-01T00:00:00Z");
  static final Instant START = BASE.minus(Duration.ofDays(1));
  static final Instant END = BASE.plus(Duration.ofDays(1));
  static final Entity DRIVER = new Entity("driver", "driver_id", ValueType.INT64, "a driver");
  static final List<Field> COLUMNS =
      List.of(
          Field.of("driver_id", ValueType.INT64),
          Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP),
          Field.of("value", ValueType.INT64),
          Field.of("batch", ValueType.INT64),
          Field.of("created", ValueType.UNIX_TIMESTAMP));

  private CrashWorkload() {}

  static FeatureView view() {
    return FeatureView.builder(VIEW)
        .entity(DRIVER)
        .feature("value", ValueType.INT64)
        .feature("batch", ValueType.INT64)
        .source(IcebergSource.of(NAMESPACE + "." + VIEW + "_src", "event_timestamp", "created"))
        .build();
  }

  /**
   * Step {@code i}: write batch i, materialize, and maintain when {@code maintain}; tells {@code
   * progress} before and after each part.
   */
  static void step(FeatureStore store, int i, boolean maintain, Consumer<String> progress) {
    progress.accept("writing " + i);
    store.writeToOfflineStore(VIEW, batch(i));
    progress.accept("written " + i);
    progress.accept("materializing " + i);
    store.materialize(START, END, VIEW);
    progress.accept("materialized " + i);
    if (maintain) {
      progress.accept("maintaining " + i);
      store.maintain(VIEW);
      progress.accept("maintained " + i);
    }
  }

  static boolean has(int batch, long key) {
    return (batch + key) % 4 != 0;
  }

  static RowSet batch(int i) {
    RowSet.Builder rows = RowSet.builder(COLUMNS);
    Instant at = BASE.plus(Duration.ofMinutes(i));
    for (long k = 0; k < KEYS; k++) {
      if (has(i, k)) {
        rows.add(k, at, i * 100_000L + k, (long) i, at);
      }
    }
    return rows.build();
  }

  /** Every row of batches {@code 0 .. batches-1}. */
  static List<List<Object>> rows(int batches) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < batches; i++) {
      rows.addAll(batch(i).rows());
    }
    return rows;
  }

  /** The latest value per key once batches {@code 0 .. batches-1} are materialized. */
  static Map<Long, Long> latest(int batches) {
    Map<Long, Long> latest = new TreeMap<>();
    for (int i = 0; i < batches; i++) {
      for (long k = 0; k < KEYS; k++) {
        if (has(i, k)) {
          latest.put(k, i * 100_000L + k);
        }
      }
    }
    return latest;
  }
}
