package dev.feast.iceberg.core;

import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.StoreFactory;
import dev.feast.iceberg.spi.UnsupportedFeatureException;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.OfflineStoreFactory;
import dev.feast.iceberg.spi.online.OnlineStore;
import dev.feast.iceberg.spi.online.OnlineStoreFactory;

/**
 * Store plugins of type {@code sample}, registered in the test class path's META-INF/services:
 * what {@link RepoCheck} checks (type, section keys, catalogs) needs no store to be created.
 */
final class SampleStores {
  private SampleStores() {}

  /** The section of a sample store: a catalog and a positive number of buckets. */
  public record SampleConfig(CatalogConfig catalog, Integer buckets) {
    public SampleConfig {
      if (buckets != null && buckets <= 0) {
        throw new IllegalArgumentException("buckets must be positive, not " + buckets);
      }
    }
  }

  abstract static class Sample<S extends AutoCloseable> implements StoreFactory<SampleConfig, S> {
    @Override
    public String type() {
      return "sample";
    }

    @Override
    public Class<SampleConfig> configClass() {
      return SampleConfig.class;
    }

    @Override
    public S create(SampleConfig config, PluginContext context) {
      throw new UnsupportedFeatureException(type(), "creating stores in configuration tests");
    }
  }

  public static final class Offline extends Sample<OfflineStore> implements OfflineStoreFactory<SampleConfig> {}

  public static final class Online extends Sample<OnlineStore> implements OnlineStoreFactory<SampleConfig> {}
}
