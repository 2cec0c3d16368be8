package dev.feast.iceberg.examples.customplugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.core.plugin.Plugins;
import org.junit.jupiter.api.Test;

/** The runtime finds the plugin by the type users write in feature_store.yaml. */
class DiscoveryTest {
  @Test
  void theRuntimeFindsThePluginByItsType() {
    Plugins plugins = Plugins.discover();
    assertThat(plugins.onlineStoreTypes()).contains("sqlite-example");
    assertThat(plugins.onlineStore("sqlite-example", "feature_store.yaml"))
        .isInstanceOf(SqliteOnlineStoreFactory.class);
  }
}
