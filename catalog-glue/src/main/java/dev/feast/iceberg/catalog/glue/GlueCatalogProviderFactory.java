package dev.feast.iceberg.catalog.glue;

import com.google.auto.service.AutoService;
import dev.feast.iceberg.catalog.common.Endpoints;
import dev.feast.iceberg.catalog.common.IcebergCatalogProvider;
import dev.feast.iceberg.catalog.common.StorageProfiles;
import dev.feast.iceberg.catalog.common.StorageSecrets;
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

/**
 * {@code type: glue}: Iceberg's {@code GlueCatalog} on the AWS Glue Data Catalog, tables in S3
 * through {@code S3FileIO}. Keys are Iceberg's: {@code warehouse} ({@code s3://bucket/prefix}),
 * {@code client.region}, {@code glue.id} (another account's catalog), {@code glue.endpoint}, {@code
 * s3.*}. Credentials come from the AWS SDK's default chain (environment, system properties,
 * profile, instance role) unless {@code s3.access-key-id}/{@code s3.secret-access-key} are given
 * for S3. The Glue endpoint is checked for reachability when the catalog opens.
 */
@FeastPlugin(spiVersion = SpiVersion.CURRENT)
@AutoService(CatalogProviderFactory.class)
public final class GlueCatalogProviderFactory implements CatalogProviderFactory {
  static final String GLUE_ENDPOINT = "glue.endpoint";

  @Override
  public String type() {
    return "glue";
  }

  /** The storage credentials: the Glue catalog itself takes no secret property. */
  @Override
  public Set<String> secretKeys() {
    return StorageSecrets.KEYS;
  }

  @Override
  public CatalogProvider create(CatalogConfig config, CatalogContext context) {
    Map<String, String> properties = new HashMap<>(config.properties());
    StorageProfiles.apply(properties);
    Duration timeout = Endpoints.connectTimeout(properties);
    URI endpoint = endpoint(properties);
    String where =
        "Glue catalog '" + config.name() + "'" + (endpoint == null ? "" : " at " + endpoint);
    String check =
        "check glue.endpoint or client.region, network access to AWS Glue, and the AWS"
            + " credentials (environment, ~/.aws, or instance role)";
    if (endpoint != null) {
      Endpoints.requireReachable(where, endpoint, timeout, check);
    }
    IcebergCatalogProvider glue =
        IcebergCatalogProvider.open(
            "org.apache.iceberg.aws.glue.GlueCatalog",
            config,
            properties,
            secretKeys(),
            where,
            check);
    return new IcebergCatalogProvider(new GlueErrorTranslation(glue.catalog()), where)
        .withCapabilities(EnumSet.allOf(CatalogCapability.class));
  }

  /** The explicit endpoint, or the regional one when the region is known, else null. */
  static URI endpoint(Map<String, String> properties) {
    String explicit = properties.get(GLUE_ENDPOINT);
    if (explicit != null && !explicit.isBlank()) {
      return URI.create(explicit.trim());
    }
    String region = properties.get("client.region");
    if (region == null || region.isBlank()) {
      region = System.getProperty("aws.region", System.getenv("AWS_REGION"));
    }
    return region == null || region.isBlank()
        ? null
        : URI.create("https://glue." + region.trim() + ".amazonaws.com");
  }
}
