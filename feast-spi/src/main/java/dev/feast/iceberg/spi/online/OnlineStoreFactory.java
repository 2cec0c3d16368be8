package dev.feast.iceberg.spi.online;

import dev.feast.iceberg.spi.StoreFactory;

/**
 * Creates online stores of one {@code type}; register with
 * {@code @AutoService(OnlineStoreFactory.class)}.
 */
public interface OnlineStoreFactory<C> extends StoreFactory<C, OnlineStore> {}
