package dev.feast.iceberg.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code auth: oidc}: bearer JWTs verified against the issuer's JWKS (a local issuer made for the
 * test), audience and expiry checked; health and metrics stay open, as in Feast.
 */
class AuthTest {
  @TempDir static Path dir;
  static TestIssuer issuer;
  static RunningServer server;
  static final String READ =
      "{\"features\": [\"driver_stats:trips\"], \"entities\": {\"driver_id\": [1001]}}";

  @BeforeAll
  static void start() throws Exception {
    issuer = new TestIssuer();
    Path repo = TestRepo.loaded(dir.resolve("repo"));
    java.nio.file.Files.writeString(
        repo.resolve("feature_store.yaml"),
        issuer.authSection(),
        java.nio.file.StandardOpenOption.APPEND);
    server = RunningServer.start(repo);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    issuer.close();
  }

  @Test
  void aGoodTokenIsServed() throws Exception {
    RunningServer.Answer answer =
        server.post(
            "/get-online-features",
            READ,
            "Bearer " + issuer.token(TestIssuer.AUDIENCE, Duration.ofMinutes(5)));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.body()).contains("\"values\":[12]");
  }

  @Test
  void aMissingTokenIsA401SayingWhatToSend() throws Exception {
    RunningServer.Answer answer = server.post("/get-online-features", READ);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body()).contains("Authorization: Bearer <token>");
    assertThat(answer.headers().get("www-authenticate")).containsExactly("Bearer");
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    String token = issuer.token(TestIssuer.AUDIENCE, Duration.ofMinutes(-10));
    RunningServer.Answer answer = server.post("/push", "{}", "Bearer " + token);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body()).contains("Expired").doesNotContain(token);
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() throws Exception {
    RunningServer.Answer answer =
        server.post(
            "/get-online-features",
            READ,
            "Bearer " + issuer.token("another-service", Duration.ofMinutes(5)));

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body()).contains("audience");
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
    RunningServer.Answer answer =
        server.post("/materialize", "{}", "Bearer " + issuer.tokenOfAnotherKey());

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body()).contains("signature");
  }

  @Test
  void garbageIsRefusedWithoutEchoingIt() throws Exception {
    PrintStream before = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    RunningServer.Answer answer;
    try {
      answer = server.post("/get-online-features", READ, "Bearer not.a.jwt-secret-value");
    } finally {
      System.setErr(before);
    }

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body()).doesNotContain("secret-value");
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("secret-value");
  }

  @Test
  void healthAndMetricsNeedNoToken() throws Exception {
    assertThat(server.get("/health").status()).isEqualTo(200);
    assertThat(server.get("/metrics").status()).isEqualTo(200);
  }
}
