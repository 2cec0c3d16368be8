package dev.feast.iceberg.server;

import dev.feast.iceberg.spi.EntityKey;
import dev.feast.iceberg.spi.FeastPlugin;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.SpiVersion;
import dev.feast.iceberg.spi.online.OnlineCapability;
import dev.feast.iceberg.spi.online.OnlineResult;
import dev.feast.iceberg.spi.online.OnlineRow;
import dev.feast.iceberg.spi.online.OnlineStore;
import dev.feast.iceberg.spi.online.OnlineStoreFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code type: close-gated-test}: an online store whose {@code close()} says it has begun, then
 * waits until the test lets it finish, so a test can act while a server is closing its stores.
 */
@FeastPlugin(spiVersion = SpiVersion.CURRENT)
public final class CloseGatedStoreFactory
    implements OnlineStoreFactory<CloseGatedStoreFactory.Config> {
  /** Counted down when a store's close begins. */
  static volatile CountDownLatch closing = new CountDownLatch(1);

  /** Counted down by the test to let the close finish. */
  static volatile CountDownLatch release = new CountDownLatch(1);

  /** No keys. */
  public record Config() {}

  static void reset() {
    closing = new CountDownLatch(1);
    release = new CountDownLatch(1);
  }

  @Override
  public String type() {
    return "close-gated-test";
  }

  @Override
  public Class<Config> configClass() {
    return Config.class;
  }

  @Override
  public OnlineStore create(Config config, PluginContext context) {
    return new OnlineStore() {
      @Override
      public void update(List<FeatureView> toKeep, List<FeatureView> toDelete) {}

      @Override
      public void write(FeatureView view, List<OnlineRow> rows) {}

      @Override
      public List<OnlineResult> read(
          FeatureView view, List<EntityKey> keys, List<String> features) {
        return List.of();
      }

      @Override
      public void teardown(List<FeatureView> views) {}

      @Override
      public Set<OnlineCapability> capabilities() {
        return Set.of();
      }

      @Override
      public void close() {
        closing.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
  }
}
