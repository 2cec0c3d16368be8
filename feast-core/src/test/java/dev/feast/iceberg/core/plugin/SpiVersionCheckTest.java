package dev.feast.iceberg.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.SpiVersion;
import dev.feast.iceberg.spi.online.OnlineStoreFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery refuses plugins built for another major SPI version, with what to do about it. */
class SpiVersionCheckTest {
  @TempDir Path dir;

  @Test
  void aPluginBuiltForANewerMajorVersionIsRefusedBeforeItsConstructorRuns() throws Exception {
    VersionedFactories.FromSpiTwo.constructed = false;

    assertThatThrownBy(() -> discoverWith(VersionedFactories.FromSpiTwo.class))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "The online store plugin "
                + SpiCompatibility.describe(VersionedFactories.FromSpiTwo.class)
                + " was built for feast-spi 2.0 but this runtime implements feast-spi "
                + SpiVersion.CURRENT
                + "; use a release of the plugin built for feast-spi 1.x, or a runtime that"
                + " implements feast-spi 2.x, or remove the jar from the class path");
    assertThat(VersionedFactories.FromSpiTwo.constructed).isFalse();
  }

  @Test
  void aPluginBuiltForAnOlderMajorVersionIsRefused() {
    assertThatThrownBy(() -> discoverWith(VersionedFactories.FromSpiZero.class))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("was built for feast-spi 0.9 but this runtime implements");
  }

  @Test
  void aMalformedVersionIsRefusedNamingThePlugin() {
    assertThatThrownBy(() -> discoverWith(VersionedFactories.Garbled.class))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(VersionedFactories.Garbled.class.getName())
        .hasMessageContaining("spiVersion = \"one\"), which is not MAJOR.MINOR");
  }

  @Test
  void aPluginOfTheCurrentVersionLoadsWithoutWarning() throws Exception {
    assertThat(discoverWith(VersionedFactories.Current.class).onlineStoreTypes())
        .contains("current");
    assertThat(SpiCompatibility.check("online store", VersionedFactories.Current.class)).isEmpty();
  }

  @Test
  void aNewerMinorVersionLoadsWithAWarning() throws Exception {
    assertThat(discoverWith(VersionedFactories.FromNewerMinor.class).onlineStoreTypes())
        .contains("newer-minor");
    assertThat(SpiCompatibility.check("online store", VersionedFactories.FromNewerMinor.class))
        .hasValueSatisfying(
            warning ->
                assertThat(warning)
                    .contains("built for feast-spi 1.7, newer than this runtime's 1.0"));
  }

  @Test
  void aPluginWithoutAVersionLoadsWithAWarningSayingWhatToAdd() throws Exception {
    assertThat(discoverWith(VersionedFactories.Unversioned.class).onlineStoreTypes())
        .contains("unversioned");
    assertThat(SpiCompatibility.check("online store", VersionedFactories.Unversioned.class))
        .hasValueSatisfying(
            warning ->
                assertThat(warning)
                    .contains(VersionedFactories.Unversioned.class.getName())
                    .contains("add @FeastPlugin(spiVersion = SpiVersion.CURRENT)"));
  }

  private Plugins discoverWith(Class<?> factory) throws Exception {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(
        services.resolve(OnlineStoreFactory.class.getName()), factory.getName() + "\n");
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      return Plugins.discover(loader);
    }
  }
}
