package dev.feast.iceberg.catalog.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The checksum modes reach the wire: with {@code when_required} a PUT carries no flexible checksum
 * headers (what R2 has rejected); with the SDK's default it does. Checked against a loopback server
 * that records request headers.
 */
class ChecksumModeS3ClientFactoryTest {
  private HttpServer server;
  private final List<String> headers = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          synchronized (headers) {
            exchange
                .getRequestHeaders()
                .keySet()
                .forEach(h -> headers.add(h.toLowerCase(Locale.ROOT)));
          }
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().set("ETag", "\"0\"");
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private List<String> put(String mode) {
    ChecksumModeS3ClientFactory factory = new ChecksumModeS3ClientFactory();
    factory.initialize(
        Map.of(
            "s3.endpoint", "http://127.0.0.1:" + server.getAddress().getPort(),
            "s3.path-style-access", "true",
            "s3.access-key-id", "key",
            "s3.secret-access-key", "secret",
            "client.region", "auto",
            "s3.request-checksum-calculation", mode,
            "s3.response-checksum-validation", mode));
    try (S3Client client = factory.s3()) {
      client.putObject(b -> b.bucket("bucket").key("key"), RequestBody.fromString("feast"));
    }
    synchronized (headers) {
      return headers.stream()
          .filter(
              h ->
                  h.startsWith("x-amz-checksum")
                      || h.startsWith("x-amz-sdk-checksum")
                      || h.equals("x-amz-trailer"))
          .toList();
    }
  }

  @Test
  void whenRequiredSendsNoFlexibleChecksum() {
    assertThat(put("when_required")).isEmpty();
  }

  @Test
  void whenSupportedSendsTheSdkDefaultChecksum() {
    assertThat(put("when_supported")).isNotEmpty();
  }
}
