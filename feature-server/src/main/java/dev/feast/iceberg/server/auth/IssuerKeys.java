package dev.feast.iceberg.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.feast.iceberg.spi.ConfigException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The issuer's signing keys (its JWKS), found through its discovery document and reused for the
 * configured lifespan, as Feast's server does. A token signed with a key id not in the set fetches
 * the set again at once (a key rotation), at most once per 10 s so that forged key ids cannot make
 * the server hammer the issuer.
 */
final class IssuerKeys implements JWKSource<SecurityContext> {
  private static final long REFETCH_GAP_NANOS = Duration.ofSeconds(10).toNanos();
  private final HttpClient http;
  private final URI jwksUri;
  private final Duration lifespan;
  private final Duration timeout;
  private JWKSet keys;
  private long fetchedAtNanos;

  private IssuerKeys(HttpClient http, URI jwksUri, Duration lifespan, Duration timeout) {
    this.http = http;
    this.jwksUri = jwksUri;
    this.lifespan = lifespan;
    this.timeout = timeout;
  }

  /** Reads the discovery document and the keys once, so a wrong URL stops the server at start. */
  static IssuerKeys discover(HttpClient http, OidcSettings settings) {
    JsonNode discovery;
    try {
      discovery =
          new ObjectMapper()
              .readTree(get(http, settings.discoveryUrl(), settings.requestTimeout()));
    } catch (IOException e) {
      throw new ConfigException(
          "auth_discovery_url "
              + settings.discoveryUrl()
              + " did not answer with a JSON discovery document: "
              + e.getMessage());
    }
    JsonNode jwks = discovery.get("jwks_uri");
    if (jwks == null || !jwks.isTextual()) {
      throw new ConfigException(
          "The discovery document at "
              + settings.discoveryUrl()
              + " has no jwks_uri; check auth_discovery_url");
    }
    IssuerKeys keys =
        new IssuerKeys(
            http, URI.create(jwks.textValue()), settings.jwksLifespan(), settings.requestTimeout());
    keys.fetch();
    return keys;
  }

  @Override
  public synchronized List<JWK> get(JWKSelector selector, SecurityContext context) {
    long now = System.nanoTime();
    if (now - fetchedAtNanos >= lifespan.toNanos()) {
      tryFetch();
    }
    List<JWK> found = selector.select(keys);
    if (found.isEmpty() && System.nanoTime() - fetchedAtNanos >= REFETCH_GAP_NANOS) {
      tryFetch();
      found = selector.select(keys);
    }
    return found;
  }

  /**
   * A failed refresh keeps the keys fetched before, so an issuer's outage does not stop serving.
   */
  private void tryFetch() {
    try {
      fetch();
    } catch (ConfigException e) {
      org.slf4j.LoggerFactory.getLogger(IssuerKeys.class)
          .warn(
              "Could not refresh the issuer's keys, using those fetched before: {}",
              e.getMessage());
      fetchedAtNanos = System.nanoTime();
    }
  }

  private void fetch() {
    try {
      keys = JWKSet.parse(get(http, jwksUri, timeout));
      fetchedAtNanos = System.nanoTime();
    } catch (IOException | java.text.ParseException e) {
      throw new ConfigException(
          "The issuer's keys at " + jwksUri + " could not be read: " + e.getMessage());
    }
  }

  private static String get(HttpClient http, URI uri, Duration timeout) throws IOException {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode() + " from " + uri);
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + uri, e);
    }
  }
}
