package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;

/**
 * A behaviour a store does not offer; names the store and the behaviour. The user's to fix (choose
 * a store that offers it, or do without), so {@link ErrorKind#USER_INPUT}.
 */
@Stable
public class UnsupportedFeatureException extends FeastException {
  public UnsupportedFeatureException(String store, String feature) {
    super(ErrorKind.USER_INPUT, "The " + store + " store does not support " + feature);
  }
}
