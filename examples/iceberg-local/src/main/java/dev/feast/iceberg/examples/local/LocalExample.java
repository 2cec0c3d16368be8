package dev.feast.iceberg.examples.local;

import static dev.feast.iceberg.examples.local.DriverFeatures.DRIVER;
import static dev.feast.iceberg.examples.local.DriverFeatures.DRIVER_ACTIVITY;
import static dev.feast.iceberg.examples.local.DriverFeatures.DRIVER_HOURLY_STATS;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.core.materialize.MaterializationResult;
import dev.feast.iceberg.core.online.OnlineResponse;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The local example end to end on the embedded default (JDBC catalog on SQLite, local warehouse):
 * write sample data to an Iceberg table, apply the definitions, retrieve point-in-time training
 * data, materialize, and read online features.
 */
public final class LocalExample {
  private LocalExample() {}

  /** What the example produced. */
  public record Result(
      RowSet historical, List<MaterializationResult> materialized, OnlineResponse online) {}

  /** Runs the example in the feature repository given as the first argument (default: here). */
  public static void main(String[] args) {
    Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    run(repo, Instant.now().truncatedTo(ChronoUnit.HOURS), System.out);
  }

  /** Runs the example with sample data ending at {@code end}, printing to {@code out}. */
  public static Result run(Path repo, Instant end, PrintStream out) {
    resetData(repo, out);
    try (FeatureStore store = FeatureStore.open(repo)) {
      store.apply(DRIVER, DRIVER_HOURLY_STATS, DRIVER_ACTIVITY);
      RowSet sample = SampleData.driverStats(end);
      store.writeToOfflineStore(DRIVER_HOURLY_STATS.name(), sample);
      out.printf(
          "Wrote %d rows to the Iceberg table %s%n%n",
          sample.size(), DriverFeatures.DRIVER_STATS_SOURCE.table());

      RowSet historical;
      try (RetrievalJob job =
          store.getHistoricalFeatures(
              EntitySource.of(entityRows(end)), DRIVER_ACTIVITY.name(), false)) {
        historical = job.toRowSet();
      }
      out.println("Historical features (point in time, ttl 1 day):");
      TablePrinter.print(out, historical.columnNames(), historical.toMaps());

      List<MaterializationResult> materialized = store.materializeIncremental(end);
      out.println();
      for (MaterializationResult result : materialized) {
        out.printf(
            "Materialized %d rows of %s from %s to %s%n",
            result.rows(), result.view(), result.start(), result.end());
      }

      List<Map<String, ?>> keys =
          List.of(
              Map.of("driver_id", 1001L), Map.of("driver_id", 1002L), Map.of("driver_id", 1099L));
      OnlineResponse online = store.getOnlineFeatures(DRIVER_ACTIVITY.name(), keys, false);
      out.println();
      out.println("Online features:");
      TablePrinter.print(out, online.columns(), online.rows());
      return new Result(historical, materialized, online);
    }
  }

  /**
   * Entity rows showing each rule: a backfilled hour, a time between two hours, a time exactly on
   * an hour (inclusive), a time past the ttl, a time before any data, and an unknown driver.
   */
  static RowSet entityRows(Instant end) {
    return RowSet.builder(
            Field.of("driver_id", ValueType.INT64),
            Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP),
            Field.of("order_id", ValueType.STRING))
        .add(1001L, end.minus(Duration.ofHours(2)), "o-1")
        .add(1002L, end.minus(Duration.ofMinutes(5 * 60 + 30)), "o-2")
        .add(1003L, end.minus(Duration.ofHours(10)), "o-3")
        .add(1004L, end.plus(Duration.ofHours(30)), "o-4")
        .add(1005L, end.minus(Duration.ofHours(SampleData.HOURS + 1)), "o-5")
        .add(1099L, end, "o-6")
        .build();
  }

  /** Starts from a fresh data folder so the example gives the same answer on every run. */
  private static void resetData(Path repo, PrintStream out) {
    Path data = repo.resolve("data");
    if (!Files.exists(data)) {
      return;
    }
    out.println("Starting from a fresh " + data);
    try (Stream<Path> paths = Files.walk(data)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clear " + data, e);
    }
  }
}
