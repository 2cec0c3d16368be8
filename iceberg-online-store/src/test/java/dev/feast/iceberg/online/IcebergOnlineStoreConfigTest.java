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
    IcebergOnlineStoreConfig config = IcebergOnlineStoreConfig.builder(null).build();

    assertThat(config.catalog().type()).isEqualTo("jdbc");
    assertThat(config.namespace()).isEqualTo("feast_online");
    assertThat(config.partitionStrategy()).isEqualTo(PartitionStrategy.ENTITY_HASH);
    assertThat(config.partitionBuckets()).isEqualTo(16);
    assertThat(config.timestampGranularity()).isEqualTo(TimestampGranularity.DAY);
    assertThat(config.ttlMode()).isEqualTo(TtlMode.OUTSIDE_MAX_AGE);
    assertThat(config.refreshIntervalMs()).isEqualTo(1000L);
    assertThat(config.maintenanceIntervalMs()).isZero();
    assertThat(config.snapshotRetentionMs()).isEqualTo(3_600_000L);
    assertThat(config.orphanFileAgeMs()).isEqualTo(86_400_000L);
    assertThat(config.servingMemoryBudgetMb()).isZero();
    assertThat(config.servingMaxKeys()).isZero();
    assertThat(config.servingMode()).isEqualTo(ServingMode.MEMORY);
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
  void aBuilderSetsWhatItIsGivenAndKeepsTheRest() {
    IcebergOnlineStoreConfig config =
        IcebergOnlineStoreConfig.builder(catalogConfig)
            .partitionStrategy(PartitionStrategy.HYBRID)
            .partitionBuckets(2)
            .timestampGranularity(TimestampGranularity.HOUR)
            .ttlMode(TtlMode.ABSENT)
            .build();

    assertThat(config.partitionStrategy()).isEqualTo(PartitionStrategy.HYBRID);
    assertThat(config.partitionBuckets()).isEqualTo(2);
    assertThat(config.timestampGranularity()).isEqualTo(TimestampGranularity.HOUR);
    assertThat(config.ttlMode()).isEqualTo(TtlMode.ABSENT);
    assertThat(config.catalog()).isEqualTo(catalogConfig);
    assertThat(config.refreshIntervalMs()).isEqualTo(1000L);
    assertThat(config.toBuilder().servingMode(ServingMode.FILES).build())
        .isEqualTo(config.withServingMode(ServingMode.FILES));
  }

  @Test
  void badNumbersAreRejectedWithTheirKey() {
    assertThatThrownBy(() -> IcebergOnlineStoreConfig.builder(null).partitionBuckets(0).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("partition_buckets");
    assertThatThrownBy(() -> IcebergOnlineStoreConfig.builder(null).refreshIntervalMs(-1L).build())
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
