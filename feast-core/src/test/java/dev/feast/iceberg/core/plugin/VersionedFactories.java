package dev.feast.iceberg.core.plugin;

import dev.feast.iceberg.spi.FeastPlugin;
import dev.feast.iceberg.spi.SpiVersion;

/**
 * Plugin factories compiled as if against other SPI versions: the version literal below is what
 * {@code SpiVersion.CURRENT} compiles into a plugin's class file under that SPI.
 */
final class VersionedFactories {
  private VersionedFactories() {}

  /** Built for the SPI this runtime implements. */
  @FeastPlugin(spiVersion = SpiVersion.CURRENT)
  public static final class Current extends NamedFactories.Named {
    @Override
    public String type() {
      return "current";
    }
  }

  /** Built against feast-spi 2.0. */
  @FeastPlugin(spiVersion = "2.0")
  public static final class FromSpiTwo extends NamedFactories.Named {
    static volatile boolean constructed;

    public FromSpiTwo() {
      constructed = true;
    }

    @Override
    public String type() {
      return "spi-two";
    }
  }

  /** Built against a pre-1.0 SPI. */
  @FeastPlugin(spiVersion = "0.9")
  public static final class FromSpiZero extends NamedFactories.Named {
    @Override
    public String type() {
      return "spi-zero";
    }
  }

  /** Built against a newer minor version of this SPI's major. */
  @FeastPlugin(spiVersion = "1.7")
  public static final class FromNewerMinor extends NamedFactories.Named {
    @Override
    public String type() {
      return "newer-minor";
    }
  }

  /** Says nothing about its SPI version (a plugin written before @FeastPlugin existed). */
  public static final class Unversioned extends NamedFactories.Named {
    @Override
    public String type() {
      return "unversioned";
    }
  }

  /** A version that is not MAJOR.MINOR. */
  @FeastPlugin(spiVersion = "one")
  public static final class Garbled extends NamedFactories.Named {
    @Override
    public String type() {
      return "garbled";
    }
  }
}
