package dev.feast.iceberg.spi.offline;

import dev.feast.iceberg.spi.StoreFactory;
import dev.feast.iceberg.spi.annotation.Stable;

/**
 * Creates offline stores of one {@code type}; register with
 * {@code @AutoService(OfflineStoreFactory.class)}.
 */
@Stable
public interface OfflineStoreFactory<C> extends StoreFactory<C, OfflineStore> {}
