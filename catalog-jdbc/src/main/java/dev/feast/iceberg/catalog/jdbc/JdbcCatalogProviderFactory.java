package dev.feast.iceberg.catalog.jdbc;

import com.google.auto.service.AutoService;
import dev.feast.iceberg.catalog.common.Endpoints;
import dev.feast.iceberg.catalog.common.IcebergCatalogProvider;
import dev.feast.iceberg.catalog.common.StorageProfiles;
import dev.feast.iceberg.catalog.common.StorageSecrets;
import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.ExternalSystemException;
import dev.feast.iceberg.spi.FeastPlugin;
import dev.feast.iceberg.spi.SpiVersion;
import dev.feast.iceberg.spi.catalog.CatalogCapability;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogContext;
import dev.feast.iceberg.spi.catalog.CatalogProvider;
import dev.feast.iceberg.spi.catalog.CatalogProviderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.CatalogProperties;

/**
 * {@code type: jdbc} (alias {@code sql}, the Python predecessor's name): Iceberg's {@code
 * JdbcCatalog}. With no {@code uri} it is the embedded default: SQLite in {@code data/catalog.db}
 * and a warehouse in {@code data/warehouse}, both under the feature repository. A server database
 * (PostgreSQL, MySQL) is checked for reachability when the catalog opens; its credentials are
 * {@code jdbc.user} and {@code jdbc.password}.
 */
@FeastPlugin(spiVersion = SpiVersion.CURRENT)
@AutoService(CatalogProviderFactory.class)
public final class JdbcCatalogProviderFactory implements CatalogProviderFactory {
  static final String SQLITE_PREFIX = "jdbc:sqlite:";
  static final String DEFAULT_DATABASE = "data/catalog.db";
  static final String DEFAULT_WAREHOUSE = "data/warehouse";
  private static final Pattern SERVER_URI =
      Pattern.compile("^jdbc:([a-z0-9]+)://(?:[^@/]*@)?(\\[[^\\]]+]|[^/:?;,]+)(?::(\\d+))?.*");
  private static final Map<String, Integer> DEFAULT_PORTS =
      Map.of("postgresql", 5432, "mysql", 3306, "mariadb", 3306);

  @Override
  public String type() {
    return "jdbc";
  }

  @Override
  public Set<String> aliases() {
    return Set.of("sql");
  }

  /** {@code jdbc.password} and the storage credentials. */
  @Override
  public Set<String> secretKeys() {
    return StorageSecrets.plus("jdbc.password");
  }

  @Override
  public CatalogProvider create(CatalogConfig config, CatalogContext context) {
    Map<String, String> properties = resolve(config, context.repoPath());
    Duration timeout = Endpoints.connectTimeout(properties);
    String uri = properties.get(CatalogProperties.URI);
    String where = "JDBC catalog '" + config.name() + "' at " + redact(uri);
    Matcher server = SERVER_URI.matcher(uri);
    if (server.matches()
        && (server.group(3) != null || DEFAULT_PORTS.containsKey(server.group(1)))) {
      int port =
          server.group(3) != null
              ? Integer.parseInt(server.group(3))
              : DEFAULT_PORTS.get(server.group(1));
      Endpoints.requireReachable(
          where,
          server.group(2),
          port,
          timeout,
          "check the catalog uri, that the database server runs and accepts TCP connections"
              + " from this host");
    }
    return IcebergCatalogProvider.open(
            "org.apache.iceberg.jdbc.JdbcCatalog",
            config,
            properties,
            secretKeys(),
            where,
            "check the catalog uri, that the database exists, and jdbc.user/jdbc.password")
        // Iceberg's JdbcCatalog creates a namespace with its first table: not STRICT_NAMESPACES.
        .withCapabilities(
            EnumSet.of(
                CatalogCapability.TABLE_RENAME,
                CatalogCapability.RENAME_ACROSS_NAMESPACES,
                CatalogCapability.NAMESPACE_PROPERTIES));
  }

  /** The catalog properties with defaults applied and relative paths made absolute. */
  static Map<String, String> resolve(CatalogConfig config, Path repo) {
    Map<String, String> properties = new HashMap<>(config.properties());
    StorageProfiles.apply(properties);
    String uri = properties.getOrDefault(CatalogProperties.URI, SQLITE_PREFIX + DEFAULT_DATABASE);
    if (uri.startsWith(SQLITE_PREFIX)) {
      uri = sqliteUri(uri, repo);
      // V1 is the catalog schema with view support; a new SQLite catalog starts on it.
      properties.putIfAbsent("jdbc.schema-version", "V1");
    }
    properties.put(CatalogProperties.URI, uri);
    String warehouse =
        properties.getOrDefault(CatalogProperties.WAREHOUSE_LOCATION, DEFAULT_WAREHOUSE);
    if (!warehouse.contains("://") && !warehouse.startsWith("file:")) {
      Path path = repo.resolve(warehouse).toAbsolutePath().normalize();
      createDirectories(path);
      warehouse = path.toString();
    }
    properties.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse);
    return properties;
  }

  private static String sqliteUri(String uri, Path repo) {
    String rest = uri.substring(SQLITE_PREFIX.length());
    String file = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
    String query = rest.substring(file.length());
    if (file.isEmpty() || file.startsWith(":memory:") || file.contains("mode=memory")) {
      throw new ConfigException(
          "The JDBC catalog uri '"
              + uri
              + "' is an in-memory SQLite database, which every pooled"
              + " connection sees empty; use a file, e.g. jdbc:sqlite:"
              + DEFAULT_DATABASE);
    }
    if (file.startsWith("file:")) {
      return uri;
    }
    Path path = repo.resolve(file).toAbsolutePath().normalize();
    createDirectories(path.getParent());
    return SQLITE_PREFIX + path + query;
  }

  private static void createDirectories(Path path) {
    try {
      Files.createDirectories(path);
    } catch (IOException e) {
      throw new ExternalSystemException(
          ExternalSystemException.STORAGE,
          "Could not create "
              + path
              + " for the JDBC catalog; check the catalog uri and warehouse"
              + " and that the folder is writable",
          e);
    }
  }

  /** A JDBC uri without user information or password parameters. */
  static String redact(String uri) {
    return uri.replaceAll("(?i)(password|secret|token)=[^&;]*", "$1=****")
        .replaceAll("//[^/@]*@", "//****@");
  }
}
