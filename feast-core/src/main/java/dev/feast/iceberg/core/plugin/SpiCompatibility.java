package dev.feast.iceberg.core.plugin;

import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.FeastPlugin;
import dev.feast.iceberg.spi.SpiVersion;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Whether a plugin factory was built for the SPI this runtime implements, read from the {@link
 * FeastPlugin} annotation in the factory's own class file (the compiler copied {@code
 * SpiVersion.CURRENT} there when the plugin was built). Another major version is refused; a newer
 * minor version, or no annotation at all, loads with a warning.
 */
final class SpiCompatibility {
  private SpiCompatibility() {}

  /**
   * Checks a factory class before it is instantiated.
   *
   * @param kind what the plugin is ("online store", "catalog", ...), for the messages
   * @return a warning to log, if the plugin loads but may not work
   * @throws ConfigException if the plugin was built for another major version of the SPI
   */
  static Optional<String> check(String kind, Class<?> factory) {
    FeastPlugin plugin = factory.getAnnotation(FeastPlugin.class);
    String subject = "The " + kind + " plugin " + describe(factory);
    if (plugin == null) {
      return Optional.of(
          subject
              + " does not say which feast-spi version it was built for; it is loaded as if built"
              + " for "
              + SpiVersion.CURRENT
              + ". Its author should add @FeastPlugin(spiVersion = SpiVersion.CURRENT) to the"
              + " factory: runtimes for feast-spi 2.0 and later refuse plugins without it");
    }
    int major;
    int minor;
    try {
      major = SpiVersion.major(plugin.spiVersion());
      minor = SpiVersion.minor(plugin.spiVersion());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          subject
              + " declares @FeastPlugin(spiVersion = \""
              + plugin.spiVersion()
              + "\"), which is not MAJOR.MINOR; its author should write spiVersion ="
              + " SpiVersion.CURRENT",
          e);
    }
    if (major != SpiVersion.MAJOR) {
      throw new ConfigException(
          subject
              + " was built for feast-spi "
              + plugin.spiVersion()
              + " but this runtime implements feast-spi "
              + SpiVersion.CURRENT
              + "; use a release of the plugin built for feast-spi "
              + SpiVersion.MAJOR
              + ".x, or a runtime that implements feast-spi "
              + major
              + ".x, or remove the jar from the class path");
    }
    if (minor > SpiVersion.MINOR) {
      return Optional.of(
          subject
              + " was built for feast-spi "
              + plugin.spiVersion()
              + ", newer than this runtime's "
              + SpiVersion.CURRENT
              + "; it loads, but may fail with NoSuchMethodError where it uses what "
              + SpiVersion.CURRENT
              + " lacks: upgrade the runtime to feast-spi "
              + plugin.spiVersion()
              + " or later");
    }
    return Optional.empty();
  }

  /** A factory class and the jar or directory it was loaded from. */
  static String describe(Class<?> factory) {
    CodeSource source = factory.getProtectionDomain().getCodeSource();
    String jar =
        source == null || source.getLocation() == null
            ? "unknown jar"
            : source.getLocation().toString();
    return factory.getName() + " (" + jar + ")";
  }
}
