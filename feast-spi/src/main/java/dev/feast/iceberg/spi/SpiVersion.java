package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;

/**
 * The version of this SPI, {@code MAJOR.MINOR}. A plugin records the version it was compiled
 * against with {@code @FeastPlugin(spiVersion = SpiVersion.CURRENT)}: {@link #CURRENT} is a
 * compile-time constant, so the Java compiler copies its value into the plugin's own class file,
 * and the runtime reads there the version the plugin was built for, not its own.
 *
 * <p>The major version changes when a {@link dev.feast.iceberg.spi.annotation.Stable} type breaks
 * binary compatibility; the minor version when types or methods are added.
 */
@Stable
public final class SpiVersion {
  /** The major version: plugins built for another major version are refused. */
  public static final int MAJOR = 1;

  /** The minor version: a plugin built for a newer minor version loads, with a warning. */
  public static final int MINOR = 0;

  /** {@code MAJOR.MINOR}, the value plugins put in {@link FeastPlugin#spiVersion()}. */
  public static final String CURRENT = MAJOR + "." + MINOR;

  private SpiVersion() {}

  /**
   * The major version of a {@code MAJOR.MINOR} string.
   *
   * @throws IllegalArgumentException if it is not {@code MAJOR.MINOR} with non-negative integers
   */
  public static int major(String version) {
    return parts(version)[0];
  }

  /** The minor version of a {@code MAJOR.MINOR} string. */
  public static int minor(String version) {
    return parts(version)[1];
  }

  private static int[] parts(String version) {
    String[] parts = version.split("\\.", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "SPI version '" + version + "' is not MAJOR.MINOR (e.g. " + CURRENT + ")");
    }
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = Integer.parseInt(parts[1]);
      if (major < 0 || minor < 0) {
        throw new NumberFormatException(version);
      }
      return new int[] {major, minor};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "SPI version '" + version + "' is not MAJOR.MINOR (e.g. " + CURRENT + ")", e);
    }
  }
}
