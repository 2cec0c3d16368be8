package dev.feast.iceberg.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.core.config.RepoConfigLoader;
import dev.feast.iceberg.core.plugin.Plugins;
import dev.feast.iceberg.spi.UnsupportedFeatureException;
import dev.feast.iceberg.spi.offline.EntitySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime reads capabilities: what a store does not declare is refused before the store is
 * called, in one line naming the store's type and the capability (the sample stores declare none,
 * the SPI's default, and fail the test if reached).
 */
class CapabilityRefusalTest {
  @TempDir Path repo;

  @BeforeEach
  void writeRepo() throws IOException {
    Files.writeString(
        repo.resolve("feature_store.yaml"),
        "project: p\nregistry: registry.json\noffline_store: sample\nonline_store: sample\n");
  }

  private FeatureStore open() {
    return FeatureStore.open(RepoConfigLoader.load(repo), Plugins.discover(), Clock.systemUTC());
  }

  @Test
  void maintenanceIsRefusedUpFrontNamingTheTypeAndCapability() {
    try (FeatureStore store = open()) {
      assertThatThrownBy(store::maintain)
          .isInstanceOf(UnsupportedFeatureException.class)
          .hasMessage(
              "The sample store does not support maintenance (it does not declare MAINTENANCE)");
    }
  }

  @Test
  void entityRowsFromATableAreRefusedUpFrontNamingTheTypeAndCapability() {
    EntitySource table = new EntitySource.IcebergTable(TableIdentifier.of("feast", "orders"));
    try (FeatureStore store = open()) {
      assertThatThrownBy(() -> store.getHistoricalFeatures(table, List.of("v:f"), false))
          .isInstanceOf(UnsupportedFeatureException.class)
          .hasMessage(
              "The sample store does not support entity rows from an Iceberg table (it does not"
                  + " declare ENTITY_TABLE)");
      assertThatThrownBy(() -> store.getHistoricalFeatures(table, "service", false))
          .hasMessageContaining("ENTITY_TABLE");
    }
  }
}
