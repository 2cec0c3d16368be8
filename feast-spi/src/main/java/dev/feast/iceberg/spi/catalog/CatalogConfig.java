package dev.feast.iceberg.spi.catalog;

import dev.feast.iceberg.spi.annotation.Stable;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@code catalog:} section of a store's configuration.
 *
 * @param type the catalog provider's type ({@code jdbc}, {@code rest}, ...)
 * @param name the Iceberg catalog name
 * @param properties Iceberg catalog properties ({@code uri}, {@code warehouse}, {@code io-impl},
 *     {@code s3.*}, ...)
 */
@Stable
public record CatalogConfig(String type, String name, Map<String, String> properties) {
  public CatalogConfig {
    Objects.requireNonNull(type, "catalog type");
    name = name == null || name.isEmpty() ? "feast" : name;
    properties = Map.copyOf(Objects.requireNonNullElse(properties, Map.of()));
  }

  /** Whether a property holds a secret that must never be printed. */
  public static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("secret")
        || k.contains("password")
        || k.contains("token")
        || k.contains("credential")
        || k.contains("session")
        || k.endsWith("access-key-id")
        || k.contains("private")
        || k.contains("api-key");
  }

  /** One property, or a default. */
  public String property(String key, String defaultValue) {
    return properties.getOrDefault(key, defaultValue);
  }

  @Override
  public String toString() {
    return "CatalogConfig[type="
        + type
        + ", name="
        + name
        + ", properties="
        + new TreeMap<>(properties)
            .entrySet().stream()
                .map(e -> e.getKey() + "=" + (isSecret(e.getKey()) ? "****" : e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"))
        + "]";
  }
}
