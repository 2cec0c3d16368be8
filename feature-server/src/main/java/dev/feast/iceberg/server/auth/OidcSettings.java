package dev.feast.iceberg.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.feast.iceberg.core.config.StoreSection;
import dev.feast.iceberg.spi.ConfigException;
import java.net.URI;
import java.time.Duration;

/**
 * The server's keys of Feast's {@code auth: {type: oidc}} ({@code OidcAuthConfig}): the discovery
 * document's URL, the claims to check, how long the issuer's keys are reused. The client's keys
 * (username, password, client_secret, token) are never read here, so never logged.
 *
 * @param discoveryUrl {@code auth_discovery_url}: the issuer's {@code
 *     .well-known/openid-configuration}
 * @param audience {@code audience}: the {@code aud} a token must carry, or null (as in Feast,
 *     unchecked when not set)
 * @param issuer {@code issuer}: the {@code iss} a token must carry, or null
 * @param verifySsl {@code verify_ssl} for the issuer's endpoints (default true)
 * @param jwksLifespan {@code jwks_cache_lifespan_seconds} (default 300)
 * @param requestTimeout {@code jwks_request_timeout_seconds} (default 10)
 */
public record OidcSettings(
    URI discoveryUrl,
    String audience,
    String issuer,
    boolean verifySsl,
    Duration jwksLifespan,
    Duration requestTimeout) {

  static OidcSettings of(StoreSection auth) {
    JsonNode body = auth.body();
    JsonNode url = body.get("auth_discovery_url");
    if (url == null || !url.isTextual() || url.textValue().isBlank()) {
      throw new ConfigException(
          "auth: oidc in "
              + auth.where("/type")
              + " needs"
              + " auth_discovery_url, the issuer's .well-known/openid-configuration URL");
    }
    URI discovery;
    try {
      discovery = URI.create(url.textValue().strip());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "auth_discovery_url in "
              + auth.where("/auth_discovery_url")
              + " is not a URL: "
              + e.getMessage());
    }
    return new OidcSettings(
        discovery,
        text(body, "audience"),
        text(body, "issuer"),
        !body.has("verify_ssl") || body.get("verify_ssl").asBoolean(true),
        Duration.ofSeconds(body.path("jwks_cache_lifespan_seconds").asLong(300)),
        Duration.ofMillis((long) (body.path("jwks_request_timeout_seconds").asDouble(10) * 1000)));
  }

  private static String text(JsonNode body, String key) {
    JsonNode node = body.get(key);
    return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
  }
}
