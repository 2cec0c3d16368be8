package dev.feast.iceberg.catalog.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void redactsWholeValuesOfDeclaredKeysAndLeavesOtherPropertiesAlone() {
    String redacted =
        Secrets.redact(
            "uri=http://h token=t0k3n-abc",
            Map.of("token", "t0k3n-abc", "uri", "http://h"),
            Set.of("token"));

    assertThat(redacted).isEqualTo("uri=http://h token=****");
  }

  @Test
  void aKeyIsSecretBecauseItIsDeclaredNotBecauseOfItsName() {
    Map<String, String> properties =
        Map.of("vendor.api-signature", "sig-12345", "s3.secret-access-key", "not-declared");

    String redacted =
        Secrets.redact(
            "signed sig-12345 with not-declared", properties, Set.of("vendor.api-signature"));

    assertThat(redacted).isEqualTo("signed **** with not-declared");
  }

  @Test
  void redactsTheSecretHalfOfARestCredentialAndItsUrlEncodedForm() {
    Map<String, String> properties = Map.of("credential", "client:s3cr/et+x");

    String echoed =
        Secrets.redact(
            "401 for grant_type=client_credentials&client_id=client&client_secret=s3cr%2Fet%2Bx"
                + " (secret s3cr/et+x)",
            properties, Set.of("credential"));

    assertThat(echoed).doesNotContain("s3cr").contains("client_id=client");
  }

  @Test
  void aMessageHoldingASecretLosesItsCauseChain() {
    Map<String, String> properties = Map.of("s3.secret-access-key", "abcdef");
    RuntimeException leaking =
        new RuntimeException("wrapped", new IllegalStateException("key abcdef"));
    RuntimeException clean = new RuntimeException("no secret here");

    assertThat(Secrets.safeCause(leaking, properties, StorageSecrets.KEYS)).isNull();
    assertThat(Secrets.safeCause(clean, properties, StorageSecrets.KEYS)).isSameAs(clean);
  }

  @Test
  void theStorageCredentialsAreIcebergsS3Keys() {
    assertThat(StorageSecrets.KEYS)
        .contains("s3.access-key-id", "s3.secret-access-key", "s3.session-token", "s3.sse.key");
    assertThat(StorageSecrets.plus("jdbc.password"))
        .containsAll(StorageSecrets.KEYS)
        .contains("jdbc.password");
  }
}
