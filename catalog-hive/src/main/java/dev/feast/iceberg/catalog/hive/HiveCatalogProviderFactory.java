package dev.feast.iceberg.catalog.hive;

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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.CatalogProperties;

/**
 * {@code type: hive}: Iceberg's {@code HiveCatalog} on a Hive Metastore 2.x/3.x ({@code uri:
 * thrift://host:9083}, comma-separated for several). Keys are Iceberg's: {@code uri}, {@code
 * warehouse} (a relative path resolves against the feature repository), {@code clients}, {@code
 * client.pool.cache.eviction-interval-ms}, {@code io-impl}, {@code s3.*}; {@code storage: s3|r2}
 * fills in S3FileIO settings. At least one metastore must accept connections when the catalog
 * opens, within {@code feast.connect-timeout-ms}.
 */
@FeastPlugin(spiVersion = SpiVersion.CURRENT)
@AutoService(CatalogProviderFactory.class)
public final class HiveCatalogProviderFactory implements CatalogProviderFactory {
  @Override
  public String type() {
    return "hive";
  }

  /** The storage credentials: the Hive catalog itself takes no secret property. */
  @Override
  public Set<String> secretKeys() {
    return StorageSecrets.KEYS;
  }

  @Override
  public CatalogProvider create(CatalogConfig config, CatalogContext context) {
    Map<String, String> properties = new HashMap<>(config.properties());
    StorageProfiles.apply(properties);
    Duration timeout = Endpoints.connectTimeout(properties);
    String uris = properties.get(CatalogProperties.URI);
    if (uris == null || uris.isBlank()) {
      throw new ConfigException(
          "The Hive catalog '"
              + config.name()
              + "' needs a uri, the metastore's Thrift address, e.g. uri: thrift://localhost:9083");
    }
    String warehouse = properties.get(CatalogProperties.WAREHOUSE_LOCATION);
    if (warehouse != null && !warehouse.contains(":")) {
      properties.put(
          CatalogProperties.WAREHOUSE_LOCATION,
          context.repoPath().resolve(warehouse).toAbsolutePath().normalize().toString());
    }
    String where = "Hive catalog '" + config.name() + "' at " + uris;
    String check =
        "check the catalog uri, that the Hive Metastore runs and accepts Thrift"
            + " connections from this host";
    requireOneReachable(where, uris, timeout, check);
    IcebergCatalogProvider hive =
        IcebergCatalogProvider.open(
            "org.apache.iceberg.hive.HiveCatalog", config, properties, secretKeys(), where, check);
    return new IcebergCatalogProvider(new HiveErrorTranslation(hive.catalog()), where)
        .withCapabilities(EnumSet.allOf(CatalogCapability.class));
  }

  private static void requireOneReachable(
      String where, String uris, Duration timeout, String check) {
    List<ConfigException> failures = new ArrayList<>();
    for (String uri : uris.split(",")) {
      URI endpoint = URI.create(uri.trim());
      if (endpoint.getPort() == -1) {
        throw new ConfigException(
            "The Hive metastore uri '"
                + uri.trim()
                + "' has no port; write it as thrift://host:9083");
      }
      try {
        Endpoints.requireReachable(where, endpoint, timeout, check);
        return;
      } catch (ConfigException e) {
        failures.add(e);
      }
    }
    ConfigException first = failures.get(0);
    failures.subList(1, failures.size()).forEach(first::addSuppressed);
    throw first;
  }
}
