package dev.feast.iceberg.cli;

import dev.feast.iceberg.spi.FeastPlugin;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.SpiVersion;
import dev.feast.iceberg.spi.online.OnlineStore;
import dev.feast.iceberg.spi.online.OnlineStoreFactory;

/**
 * {@code type: throwing-test}: an online store plugin with a bug, failing with an exception that is
 * not a {@code FeastException}; registered in the test class path's META-INF/services.
 */
@FeastPlugin(spiVersion = SpiVersion.CURRENT)
public final class ThrowingStoreFactory implements OnlineStoreFactory<ThrowingStoreFactory.Config> {
  /** No keys. */
  public record Config() {}

  @Override
  public String type() {
    return "throwing-test";
  }

  @Override
  public Class<Config> configClass() {
    return Config.class;
  }

  @Override
  public OnlineStore create(Config config, PluginContext context) {
    throw new IllegalStateException("the buggy store's index is out of step");
  }
}
