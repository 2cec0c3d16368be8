package dev.feast.iceberg.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;

/**
 * Feast's {@code provider} picks a cloud's default stores. This project's stores come from the
 * {@code type} of {@code offline_store} and {@code online_store}, so another provider is accepted
 * only when both types are written: it must never silently mean this project's local defaults.
 */
final class ProviderRule {
  static final List<String> FEAST_PROVIDERS =
      List.of("local", "aws", "gcp", "azure", "unity_catalog");

  private ProviderRule() {}

  static String read(JsonNode root, StoreSection offline, StoreSection online, ConfigDocument doc) {
    JsonNode node = root.get("provider");
    if (node == null || node.isNull()) {
      return "local";
    }
    String provider = doc.text(node, "/provider");
    if (provider.equals("local")) {
      return provider;
    }
    if (!FEAST_PROVIDERS.contains(provider)) {
      if (!provider.contains(".")) {
        throw doc.error(
            "/provider",
            "provider '"
                + provider
                + "' is not one of Feast's: "
                + String.join(", ", FEAST_PROVIDERS));
      }
      doc.problem(
          "/provider",
          "provider '"
              + provider
              + "' is a Python class, which cannot run here; write provider: local"
              + " and give offline_store and online_store a type");
      return provider;
    }
    List<String> untyped =
        Stream.of(offline, online).filter(s -> !s.typeWritten()).map(StoreSection::key).toList();
    if (untyped.isEmpty()) {
      doc.notice(
          "/provider",
          "provider '"
              + provider
              + "' chooses nothing here: the stores are the offline_store and"
              + " online_store types written");
    } else {
      doc.problem(
          "/provider",
          "provider '"
              + provider
              + "' leaves "
              + String.join(" and ", untyped)
              + " to Feast's "
              + provider
              + " defaults, which this project does not have; write the type of "
              + String.join(" and ", untyped)
              + " (e.g. type: iceberg), or provider: local for this"
              + " project's defaults");
    }
    return provider;
  }
}
