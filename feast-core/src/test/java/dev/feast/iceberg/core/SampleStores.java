package dev.feast.iceberg.core;

import dev.feast.iceberg.spi.FeastPlugin;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.SchemaMismatchException;
import dev.feast.iceberg.spi.SpiVersion;
import dev.feast.iceberg.spi.StoreFactory;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.offline.OfflineStore;
import dev.feast.iceberg.spi.offline.OfflineStoreFactory;
import dev.feast.iceberg.spi.online.OnlineStore;
import dev.feast.iceberg.spi.online.OnlineStoreFactory;
import java.util.List;

/**
 * Store plugins of type {@code sample}, registered in the test class path's META-INF/services: what
 * {@link RepoCheck} checks (type, section keys, catalogs, views) needs no store to be created.
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
  }

  /** Creates an offline store that declares no capability and must not be called. */
  @FeastPlugin(spiVersion = SpiVersion.CURRENT)
  public static final class Offline extends Sample<OfflineStore>
      implements OfflineStoreFactory<SampleConfig> {
    @Override
    public OfflineStore create(SampleConfig config, PluginContext context) {
      return BareStores.offline();
    }
  }

  /** Keeps a column named {@code entity_key} for itself, as stores keyed by entity do. */
  @FeastPlugin(spiVersion = SpiVersion.CURRENT)
  public static final class Online extends Sample<OnlineStore>
      implements OnlineStoreFactory<SampleConfig> {
    @Override
    public OnlineStore create(SampleConfig config, PluginContext context) {
      return BareStores.online();
    }

    @Override
    public void checkViews(SampleConfig config, List<FeatureView> views) {
      for (FeatureView view : views) {
        if (view.features().stream().anyMatch(f -> f.name().equals("entity_key"))) {
          throw new SchemaMismatchException(
              "Feature view '"
                  + view.name()
                  + "' has a feature named 'entity_key', a column the"
                  + " sample online store keeps for itself; rename the feature");
        }
      }
    }
  }
}
