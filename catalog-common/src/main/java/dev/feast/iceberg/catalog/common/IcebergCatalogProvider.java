package dev.feast.iceberg.catalog.common;

import dev.feast.iceberg.spi.ConfigException;
import dev.feast.iceberg.spi.ExternalSystemException;
import dev.feast.iceberg.spi.catalog.CatalogCapability;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogProvider;
import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.exceptions.ValidationException;

/**
 * An open Iceberg catalog with a description free of secrets. Closing it closes the catalog (its
 * connection pool, HTTP client or metastore clients).
 */
public final class IcebergCatalogProvider implements CatalogProvider {
  private final Catalog catalog;
  private final String description;
  private final Set<CatalogCapability> capabilities;

  public IcebergCatalogProvider(Catalog catalog, String description) {
    this(catalog, description, Set.of());
  }

  private IcebergCatalogProvider(
      Catalog catalog, String description, Set<CatalogCapability> capabilities) {
    this.catalog = catalog;
    this.description = description;
    this.capabilities = Set.copyOf(capabilities);
  }

  /** The same catalog, declaring these optional behaviours. */
  public IcebergCatalogProvider withCapabilities(Set<CatalogCapability> declared) {
    return new IcebergCatalogProvider(catalog, description, declared);
  }

  @Override
  public Set<CatalogCapability> capabilities() {
    return capabilities;
  }

  /**
   * Loads and initializes an Iceberg catalog class with the given properties.
   *
   * @param impl the catalog class, e.g. {@code org.apache.iceberg.rest.RESTCatalog}
   * @param config the configuration, for the catalog name
   * @param properties the resolved Iceberg catalog properties
   * @param secretKeys the properties whose values never appear in a failure's message or cause (the
   *     factory's {@code secretKeys()})
   * @param description where the catalog lives, without secrets
   * @param whatToCheck the advice appended to a failure, e.g. "check that the server runs"
   */
  public static IcebergCatalogProvider open(
      String impl,
      CatalogConfig config,
      Map<String, String> properties,
      Set<String> secretKeys,
      String description,
      String whatToCheck) {
    Catalog catalog;
    try {
      catalog = CatalogUtil.loadCatalog(impl, config.name(), properties, new Configuration());
    } catch (RuntimeException e) {
      String message =
          "Could not open the "
              + description
              + ": "
              + Secrets.redact(String.valueOf(e.getMessage()), properties, secretKeys)
              + "; "
              + whatToCheck;
      Throwable cause = Secrets.safeCause(e, properties, secretKeys);
      // Iceberg refuses bad properties with these two; anything else is the catalog failing.
      throw e instanceof IllegalArgumentException || e instanceof ValidationException
          ? new ConfigException(message, cause)
          : new ExternalSystemException(ExternalSystemException.CATALOG, message, cause);
    }
    return new IcebergCatalogProvider(catalog, description);
  }

  @Override
  public Catalog catalog() {
    return catalog;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    if (catalog instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        throw new ExternalSystemException(
            ExternalSystemException.CATALOG, "Could not close the " + description, e);
      }
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
