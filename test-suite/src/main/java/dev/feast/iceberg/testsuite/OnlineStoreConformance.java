package dev.feast.iceberg.testsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowBatch;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.annotation.Evolving;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.online.OnlineCapability;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The online store contract of {@code test-suite/CONTRACT.md} (N1–N12), N13: bulk writes ({@code
 * writeAll}), and N14: bulk writes of column batches ({@code writeBatches}). Extend it and
 * implement {@link #createStore}; optional behaviours ({@link OnlineCapability}) follow the store's
 * {@code capabilities()} and show as skipped, with the reason, when not declared.
 *
 * <pre>{@code
 * class MyOnlineStoreConformanceTest extends OnlineStoreConformance {
 *   @Override
 *   protected OnlineStore createStore(Path directory) {
 *     return new MyOnlineStoreFactory().create(new MyConfig(directory.resolve("online.db")),
 *         closeAfterEach(TestPluginContext.of(directory)));
 *   }
 * }
 * }</pre>
 *
 * <p>Optional hook: {@link #storedEntityKeys} (N7's check of the stored key bytes). N10 runs at the
 * SPI level: the oracle's {@code pull_latest} over the dataset written with {@code write}, as
 * Feast's {@code materialize} and {@code materialize-incremental} do; recording the materialized
 * intervals belongs to the runtime's {@code FeatureStore} and is tested there.
 */
@Evolving
public abstract class OnlineStoreConformance extends OnlineLifecycleConformance {
  /**
   * Case N13 (Bulk writes of rows), this test: a bulk write shows every batch afterwards, latest
   * value per key. The rule: writeAll leaves every batch visible with the latest value per key;
   * with ATOMIC_BULK_WRITE, a failure midway leaves the previous values whole and a later bulk
   * write succeeds. See N13 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("N13: a bulk write shows every batch afterwards, latest value per key")
  void n13_aBulkWriteShowsEveryBatchAfterwardsWithTheLatestValuePerKey() {
    FeatureView view = counters("n13_bulk");
    create(view);
    store().write(view, List.of(counter(5001, 1, 10, 10), counter(5004, 40, 10, 10)));
    List<List<OnlineRow>> batches =
        List.of(
            List.of(counter(5001, 2, 20, 20), counter(5002, 20, 20, 20)),
            List.of(counter(5003, 30, 30, 30), counter(5004, 41, 5, 5)), // older: loses
            List.of(counter(5001, 3, 30, 30)));
    store().writeAll(view, batches.iterator());
    assertThat(readAll(view, List.of(driver(5001), driver(5002), driver(5003), driver(5004))))
        .extracting(this::value)
        .containsExactly(3L, 20L, 30L, 40L);
  }

  /**
   * Case N13 (Bulk writes of rows), this test: a bulk write failing midway leaves the previous
   * values whole (ATOMIC_BULK_WRITE declared). The rule: writeAll leaves every batch visible with
   * the latest value per key; with ATOMIC_BULK_WRITE, a failure midway leaves the previous values
   * whole and a later bulk write succeeds. See N13 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName(
      "N13: a bulk write failing midway leaves the previous values whole (ATOMIC_BULK_WRITE declared)")
  void n13_aBulkWriteThatFailsMidwayLeavesThePreviousValuesWhole() {
    requires(OnlineCapability.ATOMIC_BULK_WRITE);
    FeatureView view = counters("n13_atomic");
    create(view);
    store().write(view, List.of(counter(5001, 1, 10, 10), counter(5002, 2, 10, 10)));
    Iterator<List<OnlineRow>> failing =
        new Iterator<>() {
          private int handed;

          @Override
          public boolean hasNext() {
            if (handed == 2) {
              throw new IllegalStateException("the source failed after two batches");
            }
            return true;
          }

          @Override
          public List<OnlineRow> next() {
            handed++;
            return List.of(
                counter(5000 + handed, 100 + handed, 50, 50), counter(6000 + handed, 7, 50, 50));
          }
        };
    assertThatThrownBy(() -> store().writeAll(view, failing))
        .hasMessageContaining("the source failed after two batches");
    List<OnlineResult> after =
        readAll(view, List.of(driver(5001), driver(5002), driver(6001), driver(6002)));
    assertThat(after)
        .extracting(this::value)
        .as("no batch of the failed write is visible")
        .containsExactly(1L, 2L, null, null);
    store().writeAll(view, List.of(List.of(counter(5001, 9, 60, 60))).iterator());
    assertThat(value(readAll(view, List.of(driver(5001))).get(0)))
        .as("a later bulk write succeeds")
        .isEqualTo(9L);
  }

  /** Column batches of counter rows, named as a pull names them; null created: no such column. */
  private static RowBatch counterBatch(boolean withCreated, Object[]... rows) {
    List<Field> columns =
        new ArrayList<>(
            List.of(
                Field.of("driver_id", ValueType.INT64),
                Field.of("value", ValueType.INT64),
                Field.of("label", ValueType.STRING),
                Field.of(OfflineStore.EVENT_TIMESTAMP, ValueType.UNIX_TIMESTAMP)));
    if (withCreated) {
      columns.add(Field.of(OfflineStore.CREATED_TIMESTAMP, ValueType.UNIX_TIMESTAMP));
    }
    List<List<Object>> values = new ArrayList<>();
    for (Object[] row : rows) {
      Long driver = (Long) row[0];
      long value = (Long) row[1];
      List<Object> cells =
          new ArrayList<>(
              Arrays.asList(
                  driver, value, "v" + value, T.minus(Duration.ofMinutes(100 - (Integer) row[2]))));
      if (withCreated) {
        cells.add(T.minus(Duration.ofMinutes(100 - (Integer) row[2])));
      }
      values.add(cells);
    }
    return new RowBatch(columns, values);
  }

  /**
   * Case N14 (Bulk writes of column batches), this test: column batches write as rows do; null join
   * keys left out. The rule: writeBatches writes column batches named as a pull names them: latest
   * per key, null join keys left out, a missing created column allowed; with ATOMIC_BULK_WRITE
   * nothing is visible when the iterator throws. See N14 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("N14: column batches write as rows do; null join keys left out")
  void n14_columnBatchesWriteAsRowsDoLatestPerKeyNullJoinKeysLeftOut() {
    FeatureView view = counters("n14_batches");
    create(view);
    store().write(view, List.of(counter(5001, 1, 10, 10), counter(5004, 40, 10, 10)));
    List<RowBatch> batches =
        List.of(
            counterBatch(
                true,
                new Object[] {5001L, 2L, 20},
                new Object[] {5002L, 20L, 20},
                new Object[] {null, 99L, 90}),
            counterBatch(true, new Object[] {5003L, 30L, 30}, new Object[] {5004L, 41L, 5}),
            counterBatch(true, new Object[] {5001L, 3L, 30}, new Object[] {5003L, 31L, 31}));
    store().writeBatches(view, batches.iterator());
    List<OnlineResult> results =
        readAll(view, List.of(driver(5001), driver(5002), driver(5003), driver(5004)));
    assertThat(results).extracting(this::value).containsExactly(3L, 20L, 31L, 40L);
    assertThat(results.get(2).value("label")).isEqualTo("v31");
    assertThat(results.get(2).eventTimestamp()).isEqualTo(T.minus(Duration.ofMinutes(69)));
    FeatureView noCreated = counters("n14_no_created");
    create(noCreated);
    store()
        .writeBatches(
            noCreated, List.of(counterBatch(false, new Object[] {5001L, 7L, 40})).iterator());
    assertThat(value(readAll(noCreated, List.of(driver(5001))).get(0))).isEqualTo(7L);
  }

  /**
   * Case N14 (Bulk writes of column batches), this test: column batches failing midway leave the
   * previous values whole (ATOMIC_BULK_WRITE declared). The rule: writeBatches writes column
   * batches named as a pull names them: latest per key, null join keys left out, a missing created
   * column allowed; with ATOMIC_BULK_WRITE nothing is visible when the iterator throws. See N14 in
   * test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName(
      "N14: column batches failing midway leave the previous values whole (ATOMIC_BULK_WRITE declared)")
  void n14_columnBatchesThatFailMidwayLeaveThePreviousValuesWhole() {
    requires(OnlineCapability.ATOMIC_BULK_WRITE);
    FeatureView view = counters("n14_atomic");
    create(view);
    store().write(view, List.of(counter(5001, 1, 10, 10)));
    Iterator<RowBatch> failing =
        new Iterator<>() {
          private boolean handed;

          @Override
          public boolean hasNext() {
            if (handed) {
              throw new IllegalStateException("the source failed after one batch");
            }
            return true;
          }

          @Override
          public RowBatch next() {
            handed = true;
            return counterBatch(true, new Object[] {5001L, 100L, 50}, new Object[] {6001L, 7L, 50});
          }
        };
    assertThatThrownBy(() -> store().writeBatches(view, failing))
        .hasMessageContaining("the source failed after one batch");
    assertThat(readAll(view, List.of(driver(5001), driver(6001))))
        .extracting(this::value)
        .as("no row of the failed write is visible")
        .containsExactly(1L, null);
  }
}
