package dev.feast.iceberg.core;

import dev.feast.iceberg.spi.UnsupportedFeatureException;
import java.util.Set;

/**
 * Refuses, before anything runs, what a store declares it lacks: one line naming the store's {@code
 * type} (as written in {@code feature_store.yaml}) and the capability, instead of a failure midway
 * or a message naming a Java class.
 */
final class StoreCapabilities {
  private StoreCapabilities() {}

  /**
   * @param type the store's type from the configuration
   * @param declared what the store declares
   * @param capability what the call needs
   * @param what the behaviour, in words
   */
  static <C extends Enum<C>> void require(String type, Set<C> declared, C capability, String what) {
    if (!declared.contains(capability)) {
      throw new UnsupportedFeatureException(type, what, capability);
    }
  }
}
