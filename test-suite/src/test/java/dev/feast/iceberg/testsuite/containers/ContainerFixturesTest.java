package dev.feast.iceberg.testsuite.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The container fixtures start and answer as a kit user's suite expects. Skipped, with the reason,
 * where Docker is absent (as on this repository's machines).
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerFixturesTest {
  @Container static final S3Container S3 = new S3Container();
  @Container static final IcebergRestContainer REST = new IcebergRestContainer(S3);
  @Container static final PostgreSQLContainer POSTGRES = PostgresContainers.postgres();

  @Test
  void theRestCatalogCreatesANamespaceAndListsIt() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String uri = REST.catalogProperties().get("uri");

    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(URI.create(uri + "/v1/namespaces"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"namespace\":[\"fixture_check\"]}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> listed =
        http.send(
            HttpRequest.newBuilder(URI.create(uri + "/v1/namespaces")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(listed.body()).contains("fixture_check");
  }

  @Test
  void theS3PropertiesPointAtTheMappedPort() {
    assertThat(S3.fileIoProperties())
        .containsEntry("s3.endpoint", "http://" + S3.getHost() + ":" + S3.getMappedPort(9000))
        .containsEntry("s3.path-style-access", "true");
  }

  @Test
  void postgresAcceptsTheJdbcCatalogCredentials() throws Exception {
    Map<String, String> properties =
        PostgresContainers.jdbcCatalogProperties(POSTGRES, S3.warehouse());

    try (Connection connection =
            DriverManager.getConnection(
                properties.get("uri"),
                properties.get("jdbc.user"),
                properties.get("jdbc.password"));
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT 1")) {
      assertThat(result.next()).isTrue();
    }
  }
}
