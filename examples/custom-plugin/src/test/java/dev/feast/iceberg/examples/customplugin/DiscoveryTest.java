package dev.feast.iceberg.examples.customplugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.core.plugin.Plugins;
import dev.feast.iceberg.spi.FeastPlugin;
import dev.feast.iceberg.spi.SpiVersion;
import org.junit.jupiter.api.Test;

/** The runtime finds the plugin by the type users write in feature_store.yaml, and accepts it. */
class DiscoveryTest {
  @Test
  void theRuntimeFindsThePluginByItsType() {
    Plugins plugins = Plugins.discover();
    assertThat(plugins.onlineStoreTypes()).contains("sqlite-example");
    assertThat(plugins.onlineStore("sqlite-example", "feature_store.yaml"))
        .isInstanceOf(SqliteOnlineStoreFactory.class);
  }

  @Test
  void thePluginDeclaresTheSpiVersionItIsBuiltFor() {
    assertThat(SqliteOnlineStoreFactory.class.getAnnotation(FeastPlugin.class))
        .extracting(FeastPlugin::spiVersion)
        .isEqualTo(SpiVersion.CURRENT);
  }
}
