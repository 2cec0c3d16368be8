package dev.feast.iceberg.spi.offline;

import dev.feast.iceberg.spi.StoreFactory;

/**
 * Creates offline stores of one {@code type}; register with
 * {@code @AutoService(OfflineStoreFactory.class)}.
 */
public interface OfflineStoreFactory<C> extends StoreFactory<C, OfflineStore> {}
