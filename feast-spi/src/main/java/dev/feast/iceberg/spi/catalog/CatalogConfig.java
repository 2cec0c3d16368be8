package dev.feast.iceberg.spi.catalog;

import dev.feast.iceberg.spi.annotation.Stable;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@code catalog:} section of a store's configuration.
 *
 * <p>Which properties are secrets is the catalog plugin's declaration ({@link
 * CatalogProviderFactory#secretKeys()}), which the runtime binds into {@link #secretKeys()}. A
 * configuration built without it (the three-argument constructor, e.g. in Java code or a test) does
 * not know its plugin, so {@link #toString()} hides every property value rather than guess from key
 * names.
 *
 * @param type the catalog provider's type ({@code jdbc}, {@code rest}, ...)
 * @param name the Iceberg catalog name
 * @param properties Iceberg catalog properties ({@code uri}, {@code warehouse}, {@code io-impl},
 *     {@code s3.*}, ...)
 * @param secretKeys the properties whose values are never printed, as the catalog plugin declares
 *     them; null when not known, and then no value is printed
 */
@Stable
public record CatalogConfig(
    String type, String name, Map<String, String> properties, Set<String> secretKeys) {
  private static final String HIDDEN = "****";

  public CatalogConfig {
    Objects.requireNonNull(type, "catalog type");
    name = name == null || name.isEmpty() ? "feast" : name;
    properties = Map.copyOf(Objects.requireNonNullElse(properties, Map.of()));
    secretKeys = secretKeys == null ? null : Set.copyOf(secretKeys);
  }

  /** A configuration whose secret keys are not known yet: {@link #toString()} hides every value. */
  public CatalogConfig(String type, String name, Map<String, String> properties) {
    this(type, name, properties, null);
  }

  /** This configuration with the secret keys its catalog plugin declares. */
  public CatalogConfig withSecretKeys(Set<String> declared) {
    return new CatalogConfig(type, name, properties, Objects.requireNonNull(declared));
  }

  /** Whether the value of a property must never be printed: every one when not declared. */
  public boolean isSecret(String key) {
    return secretKeys == null || secretKeys.contains(key);
  }

  /** One property, or a default. */
  public String property(String key, String defaultValue) {
    return properties.getOrDefault(key, defaultValue);
  }

  /** Equal when type, name and properties are: the secret keys describe the plugin, not it. */
  @Override
  public boolean equals(Object other) {
    return other instanceof CatalogConfig that
        && type.equals(that.type)
        && name.equals(that.name)
        && properties.equals(that.properties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, name, properties);
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
                .map(e -> e.getKey() + "=" + (isSecret(e.getKey()) ? HIDDEN : e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"))
        + "]";
  }
}
