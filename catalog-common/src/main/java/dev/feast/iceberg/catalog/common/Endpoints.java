package dev.feast.iceberg.catalog.common;

import dev.feast.iceberg.spi.ConfigException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A bounded check that a catalog's server accepts connections, made when the catalog is opened:
 * Iceberg's clients connect lazily (Hive, Glue) or retry for a long time (REST), so without it an
 * unreachable server shows up late, and slowly.
 */
public final class Endpoints {
  /** Catalog property: how long opening a catalog waits for its server; default 10000. */
  public static final String CONNECT_TIMEOUT_MS = "feast.connect-timeout-ms";

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private Endpoints() {}

  /** The connect timeout of a configuration (and removes the key, which is not Iceberg's). */
  public static Duration connectTimeout(Map<String, String> properties) {
    String value = properties.remove(CONNECT_TIMEOUT_MS);
    if (value == null || value.isBlank()) {
      return DEFAULT_TIMEOUT;
    }
    try {
      long millis = Long.parseLong(value.trim());
      if (millis <= 0) {
        throw new NumberFormatException("not positive");
      }
      return Duration.ofMillis(millis);
    } catch (NumberFormatException e) {
      throw new ConfigException(
          "Catalog property "
              + CONNECT_TIMEOUT_MS
              + " is '"
              + value
              + "'; use a positive number of milliseconds, e.g. 10000");
    }
  }

  /**
   * Fails unless a TCP connection to the URI's host and port opens within the timeout.
   *
   * @param what what the endpoint is, e.g. "REST catalog"
   * @param uri the endpoint; a missing port means 443 for https and 80 otherwise
   * @param whatToCheck what the user should check, appended to the message
   */
  public static void requireReachable(String what, URI uri, Duration timeout, String whatToCheck) {
    int port =
        uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    requireReachable(what, uri.getHost(), port, timeout, whatToCheck);
  }

  /** Fails unless a TCP connection to host:port opens within the timeout. */
  public static void requireReachable(
      String what, String host, int port, Duration timeout, String whatToCheck) {
    String endpoint = host + ":" + port;
    if (host == null || host.isBlank()) {
      throw new ConfigException("The " + what + " endpoint has no host; " + whatToCheck);
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
    } catch (IOException e) {
      throw new ConfigException(
          "Cannot reach the "
              + what
              + " ("
              + endpoint
              + ") within "
              + timeout.toMillis()
              + " ms ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "); "
              + whatToCheck);
    }
  }
}
