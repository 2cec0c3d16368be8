package dev.feast.iceberg.catalog.rest;

import com.google.auto.service.AutoService;
import dev.feast.iceberg.catalog.common.Endpoints;
import dev.feast.iceberg.catalog.common.IcebergCatalogProvider;
import dev.feast.iceberg.catalog.common.StorageProfiles;
import dev.feast.iceberg.catalog.common.StorageSecrets;
import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.FeastPlugin;
import dev.feast.iceberg.spi.SpiVersion;
import dev.feast.iceberg.spi.catalog.CatalogCapability;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogContext;
import dev.feast.iceberg.spi.catalog.CatalogProvider;
import dev.feast.iceberg.spi.catalog.CatalogProviderFactory;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.rest.auth.OAuth2Properties;

/**
 * {@code type: rest}: Iceberg's {@code RESTCatalog} against any server of the Iceberg REST protocol
 * (Polaris, Gravitino, Nessie, Lakekeeper, Cloudflare R2 Data Catalog, ...). Keys are Iceberg's:
 * {@code uri}, {@code warehouse}, {@code token} (a bearer token) or {@code credential} (OAuth2
 * client credentials), {@code io-impl} and {@code s3.*}; {@code storage: s3|r2} fills in S3FileIO
 * settings. The server is checked for reachability when the catalog opens, within {@code
 * feast.connect-timeout-ms}.
 */
@FeastPlugin(spiVersion = SpiVersion.CURRENT)
@AutoService(CatalogProviderFactory.class)
public final class RestCatalogProviderFactory implements CatalogProviderFactory {
  @Override
  public String type() {
    return "rest";
  }

  /**
   * The bearer {@code token}, the OAuth2 {@code credential} ({@code client_id:client_secret}), the
   * OAuth2 token-exchange tokens, the SigV4 signer's AWS credentials, and the storage credentials.
   */
  @Override
  public Set<String> secretKeys() {
    return StorageSecrets.plus(
        OAuth2Properties.TOKEN,
        OAuth2Properties.CREDENTIAL,
        OAuth2Properties.ACCESS_TOKEN_TYPE,
        OAuth2Properties.REFRESH_TOKEN_TYPE,
        OAuth2Properties.ID_TOKEN_TYPE,
        OAuth2Properties.SAML1_TOKEN_TYPE,
        OAuth2Properties.SAML2_TOKEN_TYPE,
        OAuth2Properties.JWT_TOKEN_TYPE,
        "rest.access-key-id",
        "rest.secret-access-key",
        "rest.session-token");
  }

  @Override
  public CatalogProvider create(CatalogConfig config, CatalogContext context) {
    Map<String, String> properties = new HashMap<>(config.properties());
    StorageProfiles.apply(properties);
    Duration timeout = Endpoints.connectTimeout(properties);
    String uri = properties.get(CatalogProperties.URI);
    if (uri == null || uri.isBlank()) {
      throw new ConfigException(
          "The REST catalog '" + config.name() + "' needs a uri, e.g. uri: http://localhost:8181");
    }
    URI endpoint;
    try {
      endpoint = URI.create(uri.trim());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "The REST catalog uri '" + uri + "' is not a URI: " + e.getMessage());
    }
    // Bound the client's own waits too, so a server that accepts but never answers fails as well.
    properties.putIfAbsent("rest.client.connection-timeout-ms", String.valueOf(timeout.toMillis()));
    properties.putIfAbsent("rest.client.socket-timeout-ms", String.valueOf(timeout.toMillis() * 6));
    String where = "REST catalog '" + config.name() + "' at " + uri;
    String check =
        "check the catalog uri, that the REST server runs and is reachable from this"
            + " host, and the token or credential";
    Endpoints.requireReachable(where, endpoint, timeout, check);
    // Whether a table needs an existing namespace is the server's backend's choice (a JDBC backend
    // creates it with the first table), so STRICT_NAMESPACES is not promised for every server.
    return IcebergCatalogProvider.open(
            "org.apache.iceberg.rest.RESTCatalog", config, properties, secretKeys(), where, check)
        .withCapabilities(
            EnumSet.of(
                CatalogCapability.TABLE_RENAME,
                CatalogCapability.RENAME_ACROSS_NAMESPACES,
                CatalogCapability.NAMESPACE_PROPERTIES));
  }
}
