package dev.feast.iceberg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.spi.ConfigException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from a PEM key and certificate (made with openssl for the test). */
class TlsTest {
  @TempDir Path dir;

  @Test
  void servesHttpsWithThePemKeyAndCertificate() throws Exception {
    Path key = dir.resolve("key.pem");
    Path cert = dir.resolve("cert.pem");
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        key.toString(),
        "-out",
        cert.toString(),
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1");
    Path repo = TestRepo.create(dir.resolve("repo"), "");
    FeatureServer server =
        FeatureServer.start(
            FeatureStore.open(repo),
            ServerOptions.defaults().withAddress("127.0.0.1", 0).withTls(key, cert));
    try {
      HttpClient client = HttpClient.newBuilder().sslContext(trusting(cert)).build();
      HttpResponse<String> health =
          client.send(
              HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/health"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(server.uri().getScheme()).isEqualTo("https");
      assertThat(health.statusCode()).isEqualTo(200);
    } finally {
      server.stop();
    }
  }

  @Test
  void aPkcs1KeyIsRefusedWithTheCommandThatConvertsIt() throws Exception {
    Path key =
        Files.writeString(
            dir.resolve("rsa.pem"),
            "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    Path cert = dir.resolve("cert.pem");
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        dir.resolve("k.pem").toString(),
        "-out",
        cert.toString(),
        "-days",
        "1",
        "-subj",
        "/CN=x");
    Path repo = TestRepo.create(dir.resolve("repo"), "");

    assertThatThrownBy(
            () ->
                FeatureServer.start(
                    FeatureStore.open(repo),
                    ServerOptions.defaults().withAddress("127.0.0.1", 0).withTls(key, cert)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
  }

  private static SSLContext trusting(Path cert) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(cert)) {
      trust.setCertificateEntry(
          "server", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  private static void openssl(String... args) throws Exception {
    Process process;
    try {
      String[] command = new String[args.length + 1];
      command[0] = "openssl";
      System.arraycopy(args, 0, command, 1, args.length);
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      Assumptions.abort("openssl is not installed");
      return;
    }
    process.getInputStream().readAllBytes();
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).isZero();
  }
}
