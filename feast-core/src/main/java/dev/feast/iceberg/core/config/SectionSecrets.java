package dev.feast.iceberg.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The values a section holds under keys its plugins declare secret, kept out of the binder's error
 * messages: Jackson and a record's own validation may quote a bad value, and a bad password is
 * still a password.
 */
final class SectionSecrets {
  /** Shorter values are not searched for: replacing them would garble line numbers and words. */
  private static final int MIN_LENGTH = 3;

  private static final String HIDDEN = "****";

  private final List<String> values;

  private SectionSecrets(List<String> values) {
    this.values = values;
  }

  /**
   * The secret values of a section.
   *
   * @param secretKeys the keys the section's plugin declares secret
   * @param catalogSecretKeys the keys each catalog type declares secret, null for a type not
   *     installed (then every property of that catalog is treated as secret)
   */
  static SectionSecrets of(
      StoreSection section,
      Class<?> configClass,
      Set<String> secretKeys,
      Function<String, Set<String>> catalogSecretKeys) {
    List<String> values = new ArrayList<>();
    section
        .body()
        .fields()
        .forEachRemaining(
            field -> {
              if (secretKeys.contains(field.getKey())) {
                leaves(field.getValue(), values);
              }
            });
    for (String key : catalogKeys(configClass)) {
      JsonNode catalog = section.body().get(key);
      if (catalog == null || !catalog.isObject()) {
        continue;
      }
      Set<String> declared = catalogSecretKeys.apply(catalog.path("type").asText());
      catalog
          .fields()
          .forEachRemaining(
              field -> {
                String name = field.getKey();
                boolean plain = name.equals("type") || name.equals("name");
                if (!plain && (declared == null || declared.contains(name))) {
                  leaves(field.getValue(), values);
                }
              });
    }
    values.removeIf(v -> v.length() < MIN_LENGTH);
    return new SectionSecrets(List.copyOf(values));
  }

  /** The keys of the configuration record's {@link CatalogConfig} components, as written. */
  private static List<String> catalogKeys(Class<?> configClass) {
    List<String> keys = new ArrayList<>();
    if (configClass.isRecord()) {
      for (RecordComponent component : configClass.getRecordComponents()) {
        if (component.getType() == CatalogConfig.class) {
          keys.add(
              component
                  .getName()
                  .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                  .toLowerCase(Locale.ROOT));
        }
      }
    }
    return keys;
  }

  private static void leaves(JsonNode node, List<String> into) {
    if (node.isValueNode()) {
      into.add(node.asText());
    } else {
      node.elements().forEachRemaining(child -> leaves(child, into));
    }
  }

  /** The text with every secret value replaced by {@code ****}. */
  String redact(String text) {
    String result = text;
    for (String value : values) {
      result = result.replace(value, HIDDEN);
    }
    return result;
  }

  /** The exception, or null when a message in its cause chain holds a secret value. */
  Throwable safeCause(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (!redact(message).equals(message)) {
        return null;
      }
    }
    return error;
  }
}
