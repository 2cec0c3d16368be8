package dev.feast.iceberg.testsuite.catalog;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.core.online.OnlineResponse;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.annotation.Evolving;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.online.FeatureStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * C3 of {@code test-suite/CONTRACT.md}: the project's Iceberg stores end to end on a catalog,
 * through {@code feature_store.yaml} and the runtime's {@code FeatureStore} (so the catalog is
 * found by its {@code type} and opened once by the runtime): write source rows, a small
 * point-in-time retrieval, materialize, a small online read. Extend it with the {@code catalog:}
 * section of a reachable catalog; the test class path needs {@code feast-core}, {@code
 * iceberg-offline-store}, {@code iceberg-online-store} and the catalog provider (the kit depends on
 * {@code feast-core} optionally, so store and catalog suites do not bring the runtime).
 */
@Evolving
public abstract class StoresEndToEndConformance {
  @TempDir Path dir;

  /**
   * The {@code catalog:} section: {@code type} and the Iceberg catalog properties.
   *
   * @param dir a fresh folder for this test, e.g. for a warehouse
   */
  protected abstract Map<String, String> catalogSection(Path dir);

  /**
   * Case C3 (Stores end to end), this test: both stores through feature_store.yaml and the runtime
   * on the catalog. The rule: write source rows, a point-in-time retrieval, materialize and an
   * online read give the expected answers. See C3 in test-suite/CONTRACT.md.
   */
  @Test
  @DisplayName("C3: both Iceberg stores end to end on the catalog, through feature_store.yaml")
  void c3_bothStoresEndToEndOnTheCatalog() {
    check(dir, catalogSection(dir));
  }

  /**
   * Runs the case in a new repository folder under {@code dir}.
   *
   * @param catalog the {@code catalog:} section: {@code type} and Iceberg catalog properties
   * @throws AssertionError when an answer is not the expected one
   */
  private static void check(Path dir, Map<String, String> catalog) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Path repo = writeRepo(dir.resolve("repo_" + suffix), catalog, "e2e_online_" + suffix);
    Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
    Entity driver = new Entity("driver", "driver_id", ValueType.INT64, "a driver");
    FeatureView view =
        FeatureView.builder("stats_" + suffix)
            .entity(driver)
            .feature("rate", ValueType.DOUBLE)
            .feature("trips", ValueType.INT64)
            .source(IcebergSource.of("e2e_" + suffix + ".stats", "event_timestamp", "created"))
            .build();
    RowSet.Builder source =
        RowSet.builder(
            Field.of("driver_id", ValueType.INT64),
            Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP),
            Field.of("rate", ValueType.DOUBLE),
            Field.of("trips", ValueType.INT64),
            Field.of("created", ValueType.UNIX_TIMESTAMP));
    for (long id = 1; id <= 2; id++) {
      source.add(id, end.minus(Duration.ofHours(2)), id * 0.1, id * 10, end);
      source.add(id, end.minus(Duration.ofHours(1)), id * 0.2, id * 20, end);
    }
    List<String> refs = List.of(view.name() + ":rate", view.name() + ":trips");

    try (FeatureStore store = FeatureStore.open(repo)) {
      store.apply(driver, view);
      store.writeToOfflineStore(view.name(), source.build());

      RowSet entities =
          RowSet.builder(
                  Field.of("driver_id", ValueType.INT64),
                  Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP))
              .add(1L, end.minus(Duration.ofMinutes(90)))
              .add(2L, end)
              .add(3L, end)
              .build();
      RowSet training;
      try (RetrievalJob job = store.getHistoricalFeatures(EntitySource.of(entities), refs, false)) {
        training = job.toRowSet();
      }
      expect("historical rate of driver 1 at -90 min", training.get(0, "rate"), 0.1);
      expect("historical trips of driver 2 at end", training.get(1, "trips"), 40L);
      expect("historical rate of unknown driver 3", training.get(2, "rate"), null);

      store.materialize(end.minus(Duration.ofDays(1)), end);
      OnlineResponse online =
          store.getOnlineFeatures(
              refs, List.of(Map.of("driver_id", 2L), Map.of("driver_id", 99L)), false);
      expect("online rate of driver 2", online.rows().get(0).get("rate"), 0.4);
      expect("online trips of driver 2", online.rows().get(0).get("trips"), 40L);
      expect(
          "online status of unknown driver 99",
          online.statuses().get(1).get("rate"),
          FeatureStatus.NOT_FOUND);
    }
  }

  private static void expect(String what, Object actual, Object expected) {
    if (!Objects.equals(actual, expected)) {
      throw new AssertionError("C3 " + what + ": expected " + expected + " but was " + actual);
    }
  }

  private static Path writeRepo(Path repo, Map<String, String> catalog, String onlineNamespace) {
    StringBuilder yaml =
        new StringBuilder()
            .append("project: e2e\n")
            .append("registry: data/registry.json\n")
            .append("provider: local\n")
            .append("offline_store:\n")
            .append("  type: iceberg\n")
            .append("  catalog: &catalog\n");
    catalog.forEach(
        (key, value) ->
            yaml.append("    ").append(key).append(": ").append(quote(value)).append('\n'));
    yaml.append("online_store:\n")
        .append("  type: iceberg\n")
        .append("  catalog: *catalog\n")
        .append("  namespace: ")
        .append(onlineNamespace)
        .append('\n')
        .append("entity_key_serialization_version: 3\n");
    try {
      Files.createDirectories(repo);
      Files.writeString(repo.resolve("feature_store.yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + repo.resolve("feature_store.yaml"), e);
    }
    return repo;
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
