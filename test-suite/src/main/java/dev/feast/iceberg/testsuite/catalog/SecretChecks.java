package dev.feast.iceberg.testsuite.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.catalog.CatalogConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** C5 helpers: the secret values of a configuration, and the check that a text holds none. */
final class SecretChecks {
  private SecretChecks() {}

  /**
   * Values of the properties the factory declares secret ({@code secretKeys()}), long enough to
   * search for.
   */
  static List<String> secrets(CatalogConfig config, Set<String> declared) {
    return config.properties().entrySet().stream()
        .filter(e -> declared.contains(e.getKey()))
        .map(Map.Entry::getValue)
        .filter(v -> v != null && v.length() >= 4)
        .toList();
  }

  /** Fails, without printing the secret, when the text contains one of them. */
  static void assertNoSecret(String text, List<String> secrets) {
    for (String secret : secrets) {
      assertThat(text.toLowerCase(Locale.ROOT))
          .as("a secret value appears in: %s", text.replace(secret, "<SECRET>"))
          .doesNotContain(secret.toLowerCase(Locale.ROOT));
    }
  }
}
