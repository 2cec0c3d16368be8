package dev.feast.iceberg.spi.materialize;

import dev.feast.iceberg.spi.InvalidRequestException;
import dev.feast.iceberg.spi.annotation.Evolving;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.online.OnlineStore;
import java.util.Objects;

/**
 * The stores an engine materializes between, as the runtime created them, with the configuration
 * records their sections were bound to: an engine that works on the stores' storage directly (the
 * Spark engine reads the offline Iceberg tables and writes the online store's tables) finds the
 * catalogs and table names there, and refuses stores it does not know with a {@link
 * dev.feast.iceberg.spi.ConfigException}. The stores belong to the runtime: an engine never closes
 * them.
 *
 * @param offline the offline store
 * @param offlineConfig its configuration record ({@code OfflineStoreFactory.configClass()})
 * @param online the online store
 * @param onlineConfig its configuration record ({@code OnlineStoreFactory.configClass()})
 * @param batchSize rows per batch handed to the online store ({@code
 *     materialization.online_write_batch_size}), for engines that write through it
 */
@Evolving
public record MaterializationStores(
    OfflineStore offline,
    Object offlineConfig,
    OnlineStore online,
    Object onlineConfig,
    int batchSize) {
  public MaterializationStores {
    Objects.requireNonNull(offline, "offline");
    Objects.requireNonNull(online, "online");
    if (batchSize < 1) {
      throw new InvalidRequestException("batchSize must be positive, not " + batchSize);
    }
  }
}
