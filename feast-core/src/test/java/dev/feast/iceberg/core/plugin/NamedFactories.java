package dev.feast.iceberg.core.plugin;

import dev.feast.iceberg.spi.FeastPlugin;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.SpiVersion;
import dev.feast.iceberg.spi.UnsupportedFeatureException;
import dev.feast.iceberg.spi.online.OnlineStore;
import dev.feast.iceberg.spi.online.OnlineStoreFactory;

/** Online store factories that only carry a type name: discovery is what these tests exercise. */
final class NamedFactories {
  private NamedFactories() {}

  abstract static class Named implements OnlineStoreFactory<Object> {
    @Override
    public Class<Object> configClass() {
      return Object.class;
    }

    @Override
    public OnlineStore create(Object config, PluginContext context) {
      throw new UnsupportedFeatureException(type(), "creating stores in discovery tests");
    }
  }

  /** Registered in the test class path's META-INF/services. */
  @FeastPlugin(spiVersion = SpiVersion.CURRENT)
  public static final class Registered extends Named {
    @Override
    public String type() {
      return "registered";
    }
  }

  /** Claims the type "dup"; registered only by the duplicate test. */
  @FeastPlugin(spiVersion = SpiVersion.CURRENT)
  public static final class DupOne extends Named {
    @Override
    public String type() {
      return "dup";
    }
  }

  /** Also claims "dup". */
  @FeastPlugin(spiVersion = SpiVersion.CURRENT)
  public static final class DupTwo extends Named {
    @Override
    public String type() {
      return "dup";
    }
  }
}
