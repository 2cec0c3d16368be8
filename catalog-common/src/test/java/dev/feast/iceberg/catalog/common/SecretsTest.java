package dev.feast.iceberg.catalog.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void redactsWholeValuesAndLeavesOtherPropertiesAlone() {
    String redacted =
        Secrets.redact(
            "uri=http://h token=t0k3n-abc", Map.of("token", "t0k3n-abc", "uri", "http://h"));

    assertThat(redacted).isEqualTo("uri=http://h token=****");
  }

  @Test
  void redactsTheSecretHalfOfARestCredentialAndItsUrlEncodedForm() {
    Map<String, String> properties = Map.of("credential", "client:s3cr/et+x");

    String echoed =
        Secrets.redact(
            "401 for grant_type=client_credentials&client_id=client&client_secret=s3cr%2Fet%2Bx"
                + " (secret s3cr/et+x)",
            properties);

    assertThat(echoed).doesNotContain("s3cr").contains("client_id=client");
  }

  @Test
  void aMessageHoldingASecretLosesItsCauseChain() {
    Map<String, String> properties = Map.of("s3.secret-access-key", "abcdef");
    RuntimeException leaking =
        new RuntimeException("wrapped", new IllegalStateException("key abcdef"));
    RuntimeException clean = new RuntimeException("no secret here");

    assertThat(Secrets.safeCause(leaking, properties)).isNull();
    assertThat(Secrets.safeCause(clean, properties)).isSameAs(clean);
  }
}
