package dev.feast.iceberg.online;

import dev.feast.iceberg.spi.ConfigException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Settings that name one of an enum's constants, as users write them: lower case, any case. */
final class OptionNames {
  private OptionNames() {}

  /** The name users write in {@code feature_store.yaml}. */
  static String of(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  /** The constant named {@code value}; else an error naming the key and the allowed names. */
  static <E extends Enum<E>> E parse(Class<E> type, String key, String value) {
    String wanted = IcebergOnlineStoreConfig.lower(value);
    for (E constant : type.getEnumConstants()) {
      if (of(constant).equals(wanted)) {
        return constant;
      }
    }
    throw new ConfigException(
        "online_store."
            + key
            + " '"
            + value
            + "' is not supported; use one of: "
            + Arrays.stream(type.getEnumConstants())
                .map(OptionNames::of)
                .collect(Collectors.joining(", ")));
  }
}
