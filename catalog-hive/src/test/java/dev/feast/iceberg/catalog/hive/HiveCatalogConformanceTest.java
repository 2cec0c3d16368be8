package dev.feast.iceberg.catalog.hive;

import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.spi.catalog.CatalogProviderFactory;
import dev.feast.iceberg.testservers.HiveMetastoreServer;
import dev.feast.iceberg.testsuite.catalog.CatalogProviderConformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/** The catalog contract on a Hive Metastore 2.3 (Derby) running in-process on 127.0.0.1. */
class HiveCatalogConformanceTest extends CatalogProviderConformance {
  private static final int CLOSED_PORT = closedPort();

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Catalog properties for the test metastore; idle clients are evicted quickly. */
  static Map<String, String> properties(String uri) {
    return Map.of(
        "uri",
        uri,
        "warehouse",
        HiveMetastoreServer.shared().warehouse(),
        "client.pool.cache.eviction-interval-ms",
        "1000");
  }

  @Override
  protected CatalogProviderFactory factory() {
    return new HiveCatalogProviderFactory();
  }

  @Override
  protected CatalogConfig config() {
    return new CatalogConfig("hive", "feast", properties(HiveMetastoreServer.shared().uri()));
  }

  @Override
  protected CatalogConfig unreachableConfig() {
    return new CatalogConfig("hive", "feast", properties("thrift://127.0.0.1:" + CLOSED_PORT));
  }

  @Override
  protected String unreachableEndpoint() {
    return "127.0.0.1:" + CLOSED_PORT;
  }
}
