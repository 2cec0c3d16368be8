package dev.feast.iceberg.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.online.OnlineStore;
import dev.feast.iceberg.spi.online.OnlineStoreFactory;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The configuration record's defaults and errors, and the factory's registration. */
class IcebergOnlineStoreConfigTest extends OnlineStoreFixture {

  @Test
  void everyComponentHasADefault() {
    IcebergOnlineStoreConfig config =
        new IcebergOnlineStoreConfig(null, null, null, null, null, null, null);

    assertThat(config.catalog().type()).isEqualTo("jdbc");
    assertThat(config.namespace()).isEqualTo("feast_online");
    assertThat(config.partitionStrategy()).isEqualTo("entity_hash");
    assertThat(config.partitionBuckets()).isEqualTo(16);
    assertThat(config.timestampGranularity()).isEqualTo("day");
    assertThat(config.ttlMode()).isEqualTo("outside_max_age");
    assertThat(config.refreshIntervalMs()).isEqualTo(1000L);
    assertThat(config.maintenanceIntervalMs()).isZero();
    assertThat(config.snapshotRetentionMs()).isEqualTo(3_600_000L);
    assertThat(config.orphanFileAgeMs()).isEqualTo(86_400_000L);
    assertThat(config.servingMemoryBudgetMb()).isZero();
    assertThat(config.servingMaxKeys()).isZero();
  }

  @Test
  void maintenanceAndServingLimitsRejectNegativeValuesNamingTheKey() {
    IcebergOnlineStoreConfig config = IcebergOnlineStoreConfig.defaults(catalogConfig);

    assertThatThrownBy(() -> config.withMaintenance(-1L, null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("maintenance_interval_ms is -1");
    assertThatThrownBy(() -> config.withMaintenance(null, -5L, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("snapshot_retention_ms");
    assertThatThrownBy(() -> config.withMaintenance(null, null, -5L))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("orphan_file_age_ms");
    assertThatThrownBy(() -> config.withServingLimits(-1L, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("serving_memory_budget_mb");
    assertThatThrownBy(() -> config.withServingLimits(null, -1L))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("serving_max_keys");
    assertThat(config.withServingLimits(64L, 1000L).servingMemoryBudgetMb()).isEqualTo(64L);
  }

  @Test
  void namesAreCaseInsensitive() {
    IcebergOnlineStoreConfig config =
        new IcebergOnlineStoreConfig(null, null, "Hybrid", 2, "HOUR", "Absent", 0L);

    assertThat(config.partitionStrategy()).isEqualTo("hybrid");
    assertThat(config.timestampGranularity()).isEqualTo("hour");
    assertThat(config.ttlMode()).isEqualTo("absent");
  }

  @Test
  void aBadPartitionStrategyNamesTheValueAndTheAllowedOnes() {
    assertThatThrownBy(
            () -> new IcebergOnlineStoreConfig(null, null, "by_key", null, null, null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("partition_strategy")
        .hasMessageContaining("'by_key'")
        .hasMessageContaining("entity_hash, timestamp, hybrid");
  }

  @Test
  void otherBadValuesAreRejectedWithTheirKey() {
    assertThatThrownBy(() -> new IcebergOnlineStoreConfig(null, null, null, 0, null, null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("partition_buckets");
    assertThatThrownBy(
            () -> new IcebergOnlineStoreConfig(null, null, null, null, "minute", null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'minute'")
        .hasMessageContaining("hour, day");
    assertThatThrownBy(
            () -> new IcebergOnlineStoreConfig(null, null, null, null, null, "drop", null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ttl_mode 'drop'");
    assertThatThrownBy(() -> new IcebergOnlineStoreConfig(null, null, null, null, null, null, -1L))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("refresh_interval_ms");
  }

  @Test
  void theFactoryIsFoundByServiceLoaderAsTypeIceberg() {
    OnlineStoreFactory<?> found = null;
    for (OnlineStoreFactory<?> factory : ServiceLoader.load(OnlineStoreFactory.class)) {
      if (factory.type().equals("iceberg")) {
        found = factory;
      }
    }

    assertThat(found).isInstanceOf(IcebergOnlineStoreFactory.class);
    assertThat(found.configClass()).isEqualTo(IcebergOnlineStoreConfig.class);
    try (OnlineStore store =
        new IcebergOnlineStoreFactory()
            .create(IcebergOnlineStoreConfig.defaults(catalogConfig), context)) {
      assertThat(store).isInstanceOf(IcebergOnlineStore.class);
    }
  }
}
