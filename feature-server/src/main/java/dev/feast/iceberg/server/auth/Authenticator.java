package dev.feast.iceberg.server.auth;

import dev.feast.iceberg.core.config.StoreSection;
import java.net.http.HttpClient;

/**
 * Decides whether a request may be answered, from its {@code Authorization} header; Feast's {@code
 * auth:} section picks the kind.
 */
public interface Authenticator {
  /** Lets everyone in: Feast's {@code no_auth}. */
  Authenticator NONE = authorization -> {};

  /**
   * Checks the request's {@code Authorization} header (null when absent); throws {@link
   * Unauthorized} saying why not, never echoing the credentials.
   */
  void authenticate(String authorization);

  /** The authenticator of {@code feature_store.yaml}'s {@code auth:} section. */
  static Authenticator of(StoreSection auth, HttpClient.Builder http) {
    return switch (auth.type()) {
      case "no_auth" -> NONE;
      case "oidc" -> OidcAuthenticator.create(OidcSettings.of(auth), http);
      default ->
          throw new dev.feast.iceberg.spi.ConfigException(
              "auth type '"
                  + auth.type()
                  + "' in "
                  + auth.where("/type")
                  + " is not available in the feature server; use no_auth or oidc");
    };
  }
}
