package dev.feast.iceberg.catalog.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.spi.ConfigException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageProfilesTest {
  private static Map<String, String> apply(Map<String, String> properties) {
    Map<String, String> copy = new HashMap<>(properties);
    StorageProfiles.apply(copy);
    return copy;
  }

  @Test
  void r2FillsInEndpointRegionPathStyleAndChecksumsWhenRequired() {
    Map<String, String> r2 = apply(Map.of("storage", "r2", "r2.account-id", "abc123"));

    assertThat(r2)
        .containsEntry("io-impl", "org.apache.iceberg.aws.s3.S3FileIO")
        .containsEntry("s3.endpoint", "https://abc123.r2.cloudflarestorage.com")
        .containsEntry("client.region", "auto")
        .containsEntry("s3.path-style-access", "true")
        .containsEntry("s3.request-checksum-calculation", "when_required")
        .containsEntry("s3.response-checksum-validation", "when_required")
        .containsEntry("s3.client-factory-impl", ChecksumModeS3ClientFactory.class.getName())
        .doesNotContainKeys("storage", "r2.account-id");
  }

  @Test
  void explicitPropertiesWinOverTheProfile() {
    Map<String, String> r2 =
        apply(
            Map.of(
                "storage",
                "R2",
                "s3.endpoint",
                "http://127.0.0.1:9000",
                "s3.request-checksum-calculation",
                "when_supported"));

    assertThat(r2)
        .containsEntry("s3.endpoint", "http://127.0.0.1:9000")
        .containsEntry("s3.request-checksum-calculation", "when_supported")
        .containsEntry("s3.response-checksum-validation", "when_required");
  }

  @Test
  void checksumModesOnPlainS3SelectTheClientFactory() {
    assertThat(apply(Map.of("storage", "s3", "s3.response-checksum-validation", "when_required")))
        .containsEntry("io-impl", "org.apache.iceberg.aws.s3.S3FileIO")
        .containsEntry("s3.client-factory-impl", ChecksumModeS3ClientFactory.class.getName());
    assertThat(apply(Map.of("warehouse", "/tmp/w")))
        .containsExactly(Map.entry("warehouse", "/tmp/w"));
  }

  @Test
  void mistakesAreNamedWithTheFix() {
    assertThatThrownBy(() -> apply(Map.of("storage", "r2")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("r2.account-id");
    assertThatThrownBy(() -> apply(Map.of("storage", "gcs")))
        .hasMessageContaining("'gcs'")
        .hasMessageContaining("local, s3, r2");
    assertThatThrownBy(() -> apply(Map.of("s3.request-checksum-calculation", "never")))
        .hasMessageContaining("s3.request-checksum-calculation")
        .hasMessageContaining("when_required");
  }
}
