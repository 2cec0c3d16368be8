package dev.feast.iceberg.catalog.common;

import java.util.Locale;
import java.util.Map;
import org.apache.iceberg.aws.AwsClientProperties;
import org.apache.iceberg.aws.HttpClientProperties;
import org.apache.iceberg.aws.s3.S3FileIOAwsClientFactory;
import org.apache.iceberg.aws.s3.S3FileIOProperties;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Iceberg's S3 client for {@code S3FileIO}, configured from the same properties as Iceberg's
 * default one, plus the AWS SDK's request and response checksum modes, which Iceberg does not
 * expose. Selected with {@code s3.client-factory-impl}; the {@code r2} storage profile does that.
 */
public final class ChecksumModeS3ClientFactory implements S3FileIOAwsClientFactory {
  private static final long serialVersionUID = 1L;

  /** Catalog property: {@code when_supported} (the SDK's default) or {@code when_required}. */
  public static final String REQUEST_CHECKSUM_CALCULATION = "s3.request-checksum-calculation";

  /** Catalog property: {@code when_supported} (the SDK's default) or {@code when_required}. */
  public static final String RESPONSE_CHECKSUM_VALIDATION = "s3.response-checksum-validation";

  private S3FileIOProperties s3Properties;
  private AwsClientProperties clientProperties;
  private HttpClientProperties httpProperties;
  private String requestMode;
  private String responseMode;

  @Override
  public void initialize(Map<String, String> properties) {
    this.s3Properties = new S3FileIOProperties(properties);
    this.clientProperties = new AwsClientProperties(properties);
    this.httpProperties = new HttpClientProperties(properties);
    this.requestMode =
        mode(properties.getOrDefault(REQUEST_CHECKSUM_CALCULATION, "when_supported"));
    this.responseMode =
        mode(properties.getOrDefault(RESPONSE_CHECKSUM_VALIDATION, "when_supported"));
  }

  private static String mode(String value) {
    return value.trim().toUpperCase(Locale.ROOT);
  }

  @Override
  public S3Client s3() {
    return S3Client.builder()
        .applyMutation(clientProperties::applyClientRegionConfiguration)
        .applyMutation(httpProperties::applyHttpClientConfigurations)
        .applyMutation(s3Properties::applyEndpointConfigurations)
        .applyMutation(s3Properties::applyServiceConfigurations)
        .applyMutation(b -> s3Properties.applyCredentialConfigurations(clientProperties, b))
        .applyMutation(s3Properties::applySignerConfiguration)
        .applyMutation(s3Properties::applyRetryConfigurations)
        .applyMutation(s3Properties::applyUserAgentConfigurations)
        .requestChecksumCalculation(RequestChecksumCalculation.fromValue(requestMode))
        .responseChecksumValidation(ResponseChecksumValidation.fromValue(responseMode))
        .build();
  }

  @Override
  public S3AsyncClient s3Async() {
    throw new UnsupportedOperationException(
        "The asynchronous S3 client (s3.analytics-accelerator.enabled, s3.crt.enabled) is not"
            + " available with "
            + REQUEST_CHECKSUM_CALCULATION
            + "/"
            + RESPONSE_CHECKSUM_VALIDATION
            + "; turn those options off");
  }
}
