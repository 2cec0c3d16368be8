package dev.feast.iceberg.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.online.OnlineStoreFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsTest {
  @Test
  void findsPluginsRegisteredForServiceLoader() {
    Plugins plugins = Plugins.discover();

    assertThat(plugins.onlineStoreTypes()).contains("registered");
    assertThat(plugins.onlineStore("registered", "")).isInstanceOf(NamedFactories.Registered.class);
  }

  @Test
  void unknownTypeListsTheInstalledTypesAndWhereItWasWritten() {
    Plugins plugins = Plugins.discover();

    assertThatThrownBy(() -> plugins.onlineStore("icebreg", "feature_store.yaml line 7"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Unknown online store type 'icebreg' in feature_store.yaml line 7")
        .hasMessageContaining("installed: registered");
  }

  @Test
  void findsBatchEnginesLikeStores() {
    Plugins plugins = Plugins.discover();

    assertThat(plugins.batchEngineTypes()).containsExactly("local", "sample");
    assertThat(plugins.batchEngine("local", "").configClass())
        .isEqualTo(
            dev.feast.iceberg.core.materialize.LocalMaterializationEngineFactory.Config.class);
    assertThatThrownBy(() -> plugins.batchEngine("spark", "feature_store.yaml line 9"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Unknown batch_engine type 'spark' in feature_store.yaml line 9; installed: local, sample");
  }

  @Test
  void noPluginOfAKindSaysHowToAddOne() {
    Plugins plugins = Plugins.discover();

    assertThatThrownBy(() -> plugins.catalog("jdbc", ""))
        .hasMessageContaining("Unknown catalog type 'jdbc'")
        .hasMessageContaining("add a plugin jar");
  }

  @Test
  void twoPluginsClaimingOneTypeFailNamingBoth(@TempDir Path dir) throws Exception {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(
        services.resolve(OnlineStoreFactory.class.getName()),
        NamedFactories.DupOne.class.getName()
            + "\n"
            + NamedFactories.DupTwo.class.getName()
            + "\n");

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      assertThatThrownBy(() -> Plugins.discover(loader))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("Two online store plugins claim type 'dup'")
          .hasMessageContaining("DupOne")
          .hasMessageContaining("DupTwo");
    }
  }

  @Test
  void aBrokenServiceEntryIsReportedClearly(@TempDir Path dir) throws Exception {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(
        services.resolve(OnlineStoreFactory.class.getName()), "com.example.Missing\n");

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      assertThatThrownBy(() -> Plugins.discover(loader))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("online store plugin")
          .hasMessageContaining("com.example.Missing");
    }
  }
}
