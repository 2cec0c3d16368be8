package dev.feast.iceberg.catalog.jdbc;

import com.google.auto.service.AutoService;
import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.PluginContext;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogProvider;
import dev.feast.iceberg.spi.catalog.CatalogProviderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;

/**
 * {@code type: jdbc} (alias {@code sql}, the Python predecessor's name): Iceberg's {@code
 * JdbcCatalog}. With no {@code uri} it is the embedded default: SQLite in {@code
 * data/catalog.db} and a warehouse in {@code data/warehouse}, both under the feature repository.
 */
@AutoService(CatalogProviderFactory.class)
public final class JdbcCatalogProviderFactory implements CatalogProviderFactory {
  static final String SQLITE_PREFIX = "jdbc:sqlite:";
  static final String DEFAULT_DATABASE = "data/catalog.db";
  static final String DEFAULT_WAREHOUSE = "data/warehouse";

  @Override
  public String type() {
    return "jdbc";
  }

  @Override
  public Set<String> aliases() {
    return Set.of("sql");
  }

  @Override
  public CatalogProvider create(CatalogConfig config, PluginContext context) {
    Map<String, String> properties = resolve(config, context.repoPath());
    String uri = properties.get(CatalogProperties.URI);
    Catalog catalog;
    try {
      catalog =
          CatalogUtil.loadCatalog(
              "org.apache.iceberg.jdbc.JdbcCatalog", config.name(), properties, new Configuration());
    } catch (RuntimeException e) {
      throw new ConfigException(
          "Could not open the JDBC catalog at " + redact(uri) + ": " + e.getMessage()
              + "; check the catalog uri, that the database is reachable and the credentials",
          e);
    }
    return new JdbcCatalogProvider(catalog, "jdbc catalog '" + config.name() + "' at " + redact(uri));
  }

  /** The catalog properties with defaults applied and relative paths made absolute. */
  static Map<String, String> resolve(CatalogConfig config, Path repo) {
    Map<String, String> properties = new HashMap<>(config.properties());
    String uri = properties.getOrDefault(CatalogProperties.URI, SQLITE_PREFIX + DEFAULT_DATABASE);
    if (uri.startsWith(SQLITE_PREFIX)) {
      uri = sqliteUri(uri, repo);
      // V1 is the catalog schema with view support; a new SQLite catalog starts on it.
      properties.putIfAbsent("jdbc.schema-version", "V1");
    }
    properties.put(CatalogProperties.URI, uri);
    String warehouse = properties.getOrDefault(CatalogProperties.WAREHOUSE_LOCATION, DEFAULT_WAREHOUSE);
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
          "The JDBC catalog uri '" + uri + "' is an in-memory SQLite database, which every pooled"
              + " connection sees empty; use a file, e.g. jdbc:sqlite:" + DEFAULT_DATABASE);
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
      throw new UncheckedIOException("Could not create " + path + " for the JDBC catalog", e);
    }
  }

  /** A JDBC uri without user information or password parameters. */
  static String redact(String uri) {
    return uri.replaceAll("(?i)(password|secret|token)=[^&;]*", "$1=****")
        .replaceAll("//[^/@]*@", "//****@");
  }
}
