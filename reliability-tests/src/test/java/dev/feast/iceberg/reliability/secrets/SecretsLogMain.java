package dev.feast.iceberg.reliability.secrets;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.reliability.input.TestRepos;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.EntitySource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The child JVM of {@link SecretsTest}: runs a whole lifecycle on a repository whose configuration
 * holds secrets, with debug logging, then fails to open catalogs with secrets in their settings,
 * printing every exception with its stack trace. The parent reads all of its output.
 */
public final class SecretsLogMain {
  private SecretsLogMain() {}

  /** Arguments: three empty folders for the repositories. */
  public static void main(String[] args) {
    Instant t = Instant.parse("2024-05-01T10:00:00Z");
    Entity driver = Entity.of("driver", "driver_id", ValueType.INT64);
    FeatureView stats =
        FeatureView.builder("stats")
            .entity(driver)
            .feature("v", ValueType.DOUBLE)
            .source(IcebergSource.of("feast.stats", "event_timestamp"))
            .build();
    try (FeatureStore store =
        FeatureStore.open(TestRepos.withYaml(Path.of(args[0]), Secrets.EMBEDDED_WITH_SECRETS))) {
      store.apply(driver, stats);
      store.writeToOfflineStore(
          "stats",
          RowSet.builder(
                  Field.of("driver_id", ValueType.INT64),
                  Field.of("v", ValueType.DOUBLE),
                  Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP))
              .add(1L, 0.5, t)
              .build());
      store
          .getHistoricalFeatures(
              EntitySource.of(
                  RowSet.builder(
                          Field.of("driver_id", ValueType.INT64),
                          Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP))
                      .add(1L, t)
                      .build()),
              List.of("stats:v"),
              false)
          .toRowSet();
      store.materialize(t.minusSeconds(1), t);
      store.getOnlineFeatures(List.of("stats:v"), List.of(Map.of("driver_id", 1L)), false);
      store.maintain();
      System.out.println("config: " + store.config());
      System.out.println("offline: " + store.offlineStore());
      System.out.println("online: " + store.onlineStore());
    }
    failToOpen(Path.of(args[1]), Secrets.UNREACHABLE_POSTGRES);
    failToOpen(Path.of(args[2]), Secrets.UNREACHABLE_REST);
    System.out.println("DONE");
  }

  private static void failToOpen(Path repo, String yaml) {
    try (FeatureStore store = FeatureStore.open(TestRepos.withYaml(repo, yaml))) {
      throw new IllegalStateException("opened an unreachable catalog: " + store.offlineStore());
    } catch (RuntimeException e) {
      System.out.println("failed as expected: " + e);
      e.printStackTrace(System.out);
    }
  }
}
