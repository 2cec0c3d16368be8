package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a plugin factory (a store, catalog or materialization engine factory) with the SPI version
 * it was compiled against; write it as {@code @FeastPlugin(spiVersion = SpiVersion.CURRENT)}.
 *
 * <p>The compiler copies the constant's value into the factory's class file, so the version the
 * runtime reads is the plugin's, not the runtime's. When loading plugins the runtime refuses a
 * factory built for another major version with an error naming the factory, its jar and both
 * versions; it loads one built for a newer minor version of the same major with a warning (the
 * plugin may call methods this runtime lacks). A factory without this annotation loads with a
 * warning during SPI 1.x; SPI 2.0 will refuse it.
 */
@Stable
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FeastPlugin {
  /** The SPI version the plugin was compiled against: always {@link SpiVersion#CURRENT}. */
  String spiVersion();
}
