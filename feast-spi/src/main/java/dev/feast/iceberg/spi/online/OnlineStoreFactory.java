package dev.feast.iceberg.spi.online;

import dev.feast.iceberg.spi.StoreFactory;
import dev.feast.iceberg.spi.annotation.Stable;

/**
 * Creates online stores of one {@code type}; register with
 * {@code @AutoService(OnlineStoreFactory.class)}.
 */
@Stable
public interface OnlineStoreFactory<C> extends StoreFactory<C, OnlineStore> {}
