package dev.feast.iceberg.server;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeatureService;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.online.OnlineRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A feature repository on the embedded default (JDBC catalog on SQLite, local warehouse) in a
 * temporary folder, with the definitions and online rows the server tests read.
 */
final class TestRepo {
  static final Entity DRIVER = Entity.of("driver", "driver_id", ValueType.INT64);
  static final FeatureView DRIVER_STATS =
      FeatureView.builder("driver_stats")
          .entity(DRIVER)
          .feature("conv_rate", ValueType.FLOAT)
          .feature("acc_rate", ValueType.DOUBLE)
          .feature("trips", ValueType.INT64)
          .feature("name", ValueType.STRING)
          .feature("active", ValueType.BOOL)
          .ttl(Duration.ofDays(1))
          .source(IcebergSource.of("feast.driver_stats", "event_timestamp", "created"))
          .build();
  static final FeatureView DRIVER_SCORES =
      FeatureView.builder("driver_scores")
          .entity(DRIVER)
          .feature("score", ValueType.DOUBLE)
          .feature("tags", ValueType.STRING_LIST)
          .ttl(Duration.ofHours(1))
          .source(IcebergSource.of("feast.driver_scores", "event_timestamp"))
          .build();
  static final FeatureService ACTIVITY =
      FeatureService.of("driver_activity", DRIVER_STATS, DRIVER_SCORES);

  /** When the stored rows happened: whole seconds, an hour and two hours back. */
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  static final Instant HOUR_AGO = NOW.minus(Duration.ofHours(1));
  static final Instant TWO_HOURS_AGO = NOW.minus(Duration.ofHours(2));
  static final Instant TEN_MINUTES_AGO = NOW.minus(Duration.ofMinutes(10)).plusMillis(250);

  private TestRepo() {}

  /** Writes feature_store.yaml into {@code dir}, with {@code extra} appended (an auth section). */
  static Path create(Path dir, String extra) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("feature_store.yaml"),
        """
        project: server_test
        registry: data/registry.json
        provider: local
        offline_store:
          type: iceberg
          catalog: &catalog
            type: jdbc
            uri: jdbc:sqlite:data/catalog.db
            warehouse: data/warehouse
        online_store:
          type: iceberg
          catalog: *catalog
        entity_key_serialization_version: 3
        """
            + extra);
    return dir;
  }

  /**
   * Applies the definitions and writes: driver 1001 with every value, an hour ago, and a score two
   * hours ago (past the scores' 1 h ttl); driver 1002 with null conv_rate and a fresh score; driver
   * 1003 nothing.
   */
  static Path loaded(Path dir) throws IOException {
    create(dir, "");
    try (FeatureStore store = FeatureStore.open(dir)) {
      store.apply(DRIVER, DRIVER_STATS, DRIVER_SCORES, ACTIVITY);
      store
          .onlineStore()
          .write(
              DRIVER_STATS,
              List.of(
                  row(
                      1001,
                      Map.of(
                          "conv_rate",
                          0.5f,
                          "acc_rate",
                          0.25,
                          "trips",
                          12L,
                          "name",
                          "alpha",
                          "active",
                          true),
                      HOUR_AGO),
                  row(
                      1002,
                      nulls(
                          "conv_rate",
                          "acc_rate",
                          0.125,
                          "trips",
                          7L,
                          "name",
                          "beta",
                          "active",
                          false),
                      HOUR_AGO)));
      store
          .onlineStore()
          .write(
              DRIVER_SCORES,
              List.of(
                  row(1001, Map.of("score", 1.5, "tags", List.of("a", "b")), TWO_HOURS_AGO),
                  row(1002, Map.of("score", 2.75, "tags", List.of("x")), TEN_MINUTES_AGO)));
    }
    return dir;
  }

  private static Map<String, Object> nulls(String nullKey, Object... pairs) {
    Map<String, Object> values = new HashMap<>();
    values.put(nullKey, null);
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return values;
  }

  static OnlineRow row(long driver, Map<String, Object> values, Instant event) {
    return new OnlineRow(EntityKey.of("driver_id", driver), values, event, event);
  }
}
