package dev.feast.iceberg.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.HistoricalRequest;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.ViewSelection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Results as Arrow batches: the same rows as the row stream, with Feast's types kept. */
class ArrowOutputTest extends StoreTestBase {
  private OfflineStore store;
  private HistoricalRequest request;

  @BeforeEach
  void writeSource() {
    store = store(true);
    FeatureView view = driverStats(Duration.ofHours(3));
    RowSet.Builder source = driverRows();
    RowSet.Builder entities = driverEntities();
    for (int i = 0; i < 50; i++) {
      source.add((long) (i % 7), at(i), at(i), i / 2.0f, i);
      entities.add((long) (i % 5), at(i, 30));
    }
    store.writeBatch(view, source.build());
    request =
        HistoricalRequest.of(EntitySource.of(entities.build()), List.of(ViewSelection.all(view)));
  }

  @Test
  void givesTheSameRowsAsTheRowStreamWithFeastTypes() throws Exception {
    RowSet expected = retrieve(store, request);
    List<List<Object>> rows = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator();
        IcebergRetrievalJob job = (IcebergRetrievalJob) store.getHistoricalFeatures(request);
        ArrowReader reader = job.arrow(allocator, 16)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      assertThat(root.getSchema().findField("event_timestamp").getType())
          .isEqualTo(
              new ArrowType.Timestamp(org.apache.arrow.vector.types.TimeUnit.MICROSECOND, "UTC"));
      int batches = 0;
      while (reader.loadNextBatch()) {
        batches++;
        assertThat(root.getRowCount()).isLessThanOrEqualTo(16);
        BigIntVector driver = (BigIntVector) root.getVector("driver_id");
        TimeStampMicroTZVector t = (TimeStampMicroTZVector) root.getVector("event_timestamp");
        Float4Vector conv = (Float4Vector) root.getVector("conv_rate");
        IntVector trips = (IntVector) root.getVector("trips");
        for (int i = 0; i < root.getRowCount(); i++) {
          List<Object> row = new ArrayList<>();
          row.add(driver.get(i));
          row.add(Instant.EPOCH.plusNanos(t.get(i) * 1000));
          row.add(conv.isNull(i) ? null : conv.get(i));
          row.add(trips.isNull(i) ? null : trips.get(i));
          rows.add(row);
        }
      }
      assertThat(batches).isGreaterThan(1);
    }

    assertThat(rows).isEqualTo(expected.rows());
    assertThat(rows).anySatisfy(row -> assertThat(row.get(2)).isNull());
  }

  @Test
  void closingTheJobClosesAReaderLeftOpen() throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      ArrowReader reader;
      try (RetrievalJob job = store.getHistoricalFeatures(request)) {
        reader = ((IcebergRetrievalJob) job).arrow(allocator);
        assertThat(reader.loadNextBatch()).isTrue();
      }
      // Every buffer went back to the allocator, which would otherwise refuse to close.
      assertThat(allocator.getAllocatedMemory()).isZero();
      assertThat(reader.loadNextBatch()).isFalse();
    }
  }

  @Test
  void aBatchNeedsARow() {
    try (BufferAllocator allocator = new RootAllocator();
        IcebergRetrievalJob job = (IcebergRetrievalJob) store.getHistoricalFeatures(request)) {
      assertThatThrownBy(() -> job.arrow(allocator, 0)).hasMessageContaining("at least one row");
    }
  }
}
