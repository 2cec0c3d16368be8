package dev.feast.iceberg.online;

import java.util.Locale;

/** Settings that name one of an enum's constants, as users write them: lower case. */
final class OptionNames {
  private OptionNames() {}

  /** The name users write in {@code feature_store.yaml}. */
  static String of(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }
}
