package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;

/**
 * A behaviour a store does not offer. The message names the store by its plugin {@code type} (what
 * users write in {@code feature_store.yaml}), never by its class, and the behaviour, so a user
 * learns which setting to change. The user's to fix (choose a store that offers it, or do without),
 * so {@link ErrorKind#USER_INPUT}.
 */
@Stable
public class UnsupportedFeatureException extends FeastException {
  /**
   * @param type the store's {@code type}, e.g. {@code iceberg}
   * @param feature the behaviour, in words, e.g. "maintenance"
   */
  public UnsupportedFeatureException(String type, String feature) {
    super(ErrorKind.USER_INPUT, "The " + type + " store does not support " + feature);
  }

  /**
   * A behaviour named by the capability a store leaves undeclared.
   *
   * @param type the store's {@code type}
   * @param feature the behaviour, in words
   * @param capability the capability the store would declare if it offered it
   */
  public UnsupportedFeatureException(String type, String feature, Enum<?> capability) {
    super(
        ErrorKind.USER_INPUT,
        "The "
            + type
            + " store does not support "
            + feature
            + " (it does not declare "
            + capability.name()
            + ")");
  }
}
