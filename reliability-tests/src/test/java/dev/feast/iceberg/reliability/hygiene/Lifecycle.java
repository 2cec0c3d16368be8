package dev.feast.iceberg.reliability.hygiene;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.Field;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.ValueType;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Uses every part of a feature store once: definitions, writes, retrieval, materialization,
 * serving.
 */
final class Lifecycle {
  static final Instant T = Instant.parse("2024-05-01T10:00:00Z");
  static final Entity DRIVER = Entity.of("driver", "driver_id", ValueType.INT64);
  static final FeatureView STATS =
      FeatureView.builder("stats")
          .entity(DRIVER)
          .feature("v", ValueType.DOUBLE)
          .source(IcebergSource.of("feast.stats", "event_timestamp"))
          .build();

  /**
   * The embedded default with background refresh and maintenance turned on (so the online store
   * starts its threads) and DuckDB spilling into {@code spill}.
   */
  static String yaml(Path spill) {
    return """
           project: reliability
           registry: data/registry.json
           offline_store:
             type: iceberg
             duckdb_temp_directory: %s
             duckdb_memory_limit: 256MB
             catalog: &catalog
               type: jdbc
               uri: jdbc:sqlite:data/catalog.db
               warehouse: data/warehouse
           online_store:
             type: iceberg
             catalog: *catalog
             refresh_interval_ms: 50
             maintenance_interval_ms: 100
           """
        .formatted(spill.toAbsolutePath());
  }

  private Lifecycle() {}

  /**
   * Runs one of everything; returns a retrieval job that has run (so it holds a DuckDB database)
   * and that the caller may leave open on purpose.
   */
  static RetrievalJob run(FeatureStore store) {
    store.apply(DRIVER, STATS);
    RowSet.Builder rows =
        RowSet.builder(
            Field.of("driver_id", ValueType.INT64),
            Field.of("v", ValueType.DOUBLE),
            Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP));
    for (long i = 0; i < 1000; i++) {
      rows.add(i, i / 2.0, T.minusSeconds(i));
    }
    store.writeToOfflineStore("stats", rows.build());
    RowSet entities =
        RowSet.builder(
                Field.of("driver_id", ValueType.INT64),
                Field.of("event_timestamp", ValueType.UNIX_TIMESTAMP))
            .add(1L, T)
            .add(2L, T)
            .build();
    try (RetrievalJob job =
        store.getHistoricalFeatures(EntitySource.of(entities), List.of("stats:v"), false)) {
      job.toRowSet();
    }
    store.materialize(T.minusSeconds(3600), T);
    store.getOnlineFeatures(List.of("stats:v"), List.of(Map.of("driver_id", 1L)), false);
    store.maintain();
    RetrievalJob abandoned =
        store.getHistoricalFeatures(EntitySource.of(entities), List.of("stats:v"), false);
    abandoned.columns();
    return abandoned;
  }
}
