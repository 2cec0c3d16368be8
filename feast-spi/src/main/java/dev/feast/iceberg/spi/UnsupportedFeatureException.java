package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;

/** A behaviour a store does not offer; names the store and the behaviour. */
@Stable
public class UnsupportedFeatureException extends FeastException {
  public UnsupportedFeatureException(String store, String feature) {
    super("The " + store + " store does not support " + feature);
  }
}
