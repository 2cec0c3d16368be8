package dev.feast.iceberg.catalog.jdbc;

import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogProviderFactory;
import dev.feast.iceberg.testservers.PostgresCluster;
import dev.feast.iceberg.testsuite.catalog.CatalogProviderConformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The catalog contract on PostgreSQL: a private cluster on 127.0.0.1 created by the test setup from
 * the Debian package (one per JVM), with password authentication.
 */
class PostgresCatalogConformanceTest extends CatalogProviderConformance {
  private static final int CLOSED_PORT = closedPort();
  private static Path warehouse;

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized Path warehouse() {
    if (warehouse == null) {
      try {
        warehouse = Files.createTempDirectory("feast-pg-warehouse");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return warehouse;
  }

  @Override
  protected CatalogProviderFactory factory() {
    return new JdbcCatalogProviderFactory();
  }

  @Override
  protected CatalogConfig config() {
    PostgresCluster cluster = PostgresCluster.shared();
    return new CatalogConfig(
        "jdbc",
        "feast",
        Map.of(
            "uri",
            cluster.database("feast_catalog"),
            "jdbc.user",
            PostgresCluster.USER,
            "jdbc.password",
            PostgresCluster.PASSWORD,
            "warehouse",
            warehouse().toString()));
  }

  @Override
  protected CatalogConfig unreachableConfig() {
    return new CatalogConfig(
        "jdbc",
        "feast",
        Map.of(
            "uri",
            "jdbc:postgresql://127.0.0.1:" + CLOSED_PORT + "/feast_catalog",
            "jdbc.user",
            PostgresCluster.USER,
            "jdbc.password",
            PostgresCluster.PASSWORD,
            "warehouse",
            warehouse().toString()));
  }

  @Override
  protected String unreachableEndpoint() {
    return "127.0.0.1:" + CLOSED_PORT;
  }
}
