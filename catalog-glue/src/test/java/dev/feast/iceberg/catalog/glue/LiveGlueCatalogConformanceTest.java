package dev.feast.iceberg.catalog.glue;

import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogProviderFactory;
import dev.feast.iceberg.testsuite.catalog.CatalogProviderConformance;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The catalog contract on the real AWS Glue Data Catalog. Runs only when AWS credentials and a test
 * warehouse are configured: {@code AWS_ACCESS_KEY_ID} (with the rest of the SDK's usual variables,
 * e.g. {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_REGION}) and {@code FEAST_GLUE_TEST_WAREHOUSE}
 * ({@code s3://bucket/prefix} the credentials may write). The tests create and drop their own Glue
 * databases, named {@code fc_<run>_<n>}.
 */
@EnabledIfEnvironmentVariable(
    named = "AWS_ACCESS_KEY_ID",
    matches = ".+",
    disabledReason = "no AWS credentials (AWS_ACCESS_KEY_ID) for the live Glue test")
@EnabledIfEnvironmentVariable(
    named = "FEAST_GLUE_TEST_WAREHOUSE",
    matches = "s3://.+",
    disabledReason =
        "no test warehouse (FEAST_GLUE_TEST_WAREHOUSE=s3://bucket/prefix) for the live Glue test")
class LiveGlueCatalogConformanceTest extends CatalogProviderConformance {
  @Override
  protected CatalogProviderFactory factory() {
    return new GlueCatalogProviderFactory();
  }

  @Override
  protected CatalogConfig config() {
    Map<String, String> properties = new HashMap<>();
    properties.put("warehouse", System.getenv("FEAST_GLUE_TEST_WAREHOUSE"));
    String region = System.getenv("AWS_REGION");
    if (region != null) {
      properties.put("client.region", region);
    }
    return new CatalogConfig("glue", "feast", properties);
  }
}
