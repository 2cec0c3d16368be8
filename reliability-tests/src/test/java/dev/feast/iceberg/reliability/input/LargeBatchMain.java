package dev.feast.iceberg.reliability.input;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.core.materialize.MaterializationResult;
import dev.feast.iceberg.core.online.OnlineResponse;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.RowStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * The child JVM of {@link LargeBatchTest}: writes {@code rows} rows in chunks, retrieves features
 * for every one of them as entity rows, materializes them all and reads some online, all under the
 * small heap the parent gives it. Prints one {@code OK ...} line on success.
 */
public final class LargeBatchMain {
  static final Instant T = Instant.parse("2024-05-01T00:00:00Z");
  static final int CHUNK = 50_000;
  static final String PAD = "0123456789".repeat(20);
  static final Entity DRIVER = Entity.of("driver", "driver_id", ValueType.INT64);
  static final FeatureView BIG =
      FeatureView.builder("big")
          .entity(DRIVER)
          .feature("payload", ValueType.STRING)
          .feature("v", ValueType.DOUBLE)
          .source(IcebergSource.of("feast.big", "event_timestamp"))
          .build();

  private LargeBatchMain() {}

  /** Arguments: the repository folder and the number of rows. */
  public static void main(String[] args) {
    Path repo = Path.of(args[0]);
    int rows = Integer.parseInt(args[1]);
    long began = System.nanoTime();
    try (FeatureStore store = FeatureStore.open(repo)) {
      store.apply(DRIVER, BIG);
      for (int start = 0; start < rows; start += CHUNK) {
        RowSet.Builder chunk =
            RowSet.builder(
                Field.of("driver_id", ValueType.INT64),
                Field.of("payload", ValueType.STRING),
                Field.of("v", ValueType.DOUBLE),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP));
        for (int i = start; i < Math.min(rows, start + CHUNK); i++) {
          chunk.add((long) i, i + PAD, (double) i, T.plusSeconds(i % 3600));
        }
        store.writeToOfflineStore("big", chunk.build());
      }

      System.out.println("written " + rows + " in " + millisSince(began) + " ms");
      began = System.nanoTime();
      long retrieved = 0;
      double sum = 0;
      try (RetrievalJob job =
              store.getHistoricalFeatures(
                  new EntitySource.IcebergTable(TableIdentifier.of("feast", "big")),
                  List.of("big:v"),
                  true);
          RowStream stream = job.rows()) {
        int v = stream.columns().stream().map(Field::name).toList().indexOf("big__v");
        while (stream.hasNext()) {
          sum += (Double) stream.next().get(v);
          retrieved++;
        }
      }
      if (retrieved != rows || sum != (double) rows * (rows - 1) / 2) {
        throw new IllegalStateException("retrieved " + retrieved + " rows summing to " + sum);
      }

      System.out.println("retrieved " + retrieved + " in " + millisSince(began) + " ms");
      began = System.nanoTime();
      List<MaterializationResult> results =
          store.materialize(T.minusSeconds(1), T.plusSeconds(3600));
      OnlineResponse online =
          store.getOnlineFeatures(
              List.of("big:payload", "big:v"),
              List.of(Map.of("driver_id", 0L), Map.of("driver_id", (long) rows - 1)),
              false);
      if (!online.rows().get(1).get("payload").equals((rows - 1) + PAD)) {
        throw new IllegalStateException("online answer " + online.rows());
      }
      System.out.println("materialized in " + millisSince(began) + " ms");
      System.out.println(
          "OK rows="
              + rows
              + " retrieved="
              + retrieved
              + " materialized="
              + results.get(0).rows()
              + " maxHeap="
              + Runtime.getRuntime().maxMemory());
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
