package dev.feast.iceberg.server;

import dev.feast.iceberg.spi.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@code feast-iceberg serve} runs.
 *
 * @param host the address to bind; 127.0.0.1 unless told otherwise, so a server is never exposed by
 *     accident
 * @param port the port; 0 picks a free one
 * @param tlsKey PEM private key (PKCS#8) for HTTPS, or null for plain HTTP
 * @param tlsCert PEM certificate chain for HTTPS, or null
 * @param registryTtl how stale the served definitions may be: the registry file is checked at most
 *     once per this interval (Feast's {@code feast serve --registry_ttl_sec}); zero checks on every
 *     request
 * @param maxBodyBytes the largest request body accepted
 * @param maxEntityRows the most entity rows one request may ask for (and rows one push may write)
 * @param shutdownTimeout how long a stop waits for requests in flight
 */
public record ServerOptions(
    String host,
    int port,
    Path tlsKey,
    Path tlsCert,
    Duration registryTtl,
    long maxBodyBytes,
    int maxEntityRows,
    Duration shutdownTimeout) {
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Feast's feature server port. */
  public static final int DEFAULT_PORT = 6566;

  /** {@code feast serve}'s default registry refresh interval. */
  public static final Duration DEFAULT_REGISTRY_TTL = Duration.ofSeconds(5);

  public static final long DEFAULT_MAX_BODY_BYTES = 10L << 20;
  public static final int DEFAULT_MAX_ENTITY_ROWS = 10_000;
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

  public ServerOptions {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new ConfigException("Port " + port + " is not between 0 and 65535");
    }
    if ((tlsKey == null) != (tlsCert == null)) {
      throw new ConfigException(
          "HTTPS needs both --key and --cert (PEM files); give both, or neither for plain HTTP");
    }
    Objects.requireNonNull(registryTtl, "registryTtl");
    if (maxBodyBytes <= 0 || maxEntityRows <= 0) {
      throw new ConfigException("Body size and entity row limits must be positive");
    }
    Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
  }

  /** The defaults: 127.0.0.1:6566, plain HTTP. */
  public static ServerOptions defaults() {
    return new ServerOptions(
        DEFAULT_HOST,
        DEFAULT_PORT,
        null,
        null,
        DEFAULT_REGISTRY_TTL,
        DEFAULT_MAX_BODY_BYTES,
        DEFAULT_MAX_ENTITY_ROWS,
        DEFAULT_SHUTDOWN_TIMEOUT);
  }

  public ServerOptions withAddress(String newHost, int newPort) {
    return new ServerOptions(
        newHost,
        newPort,
        tlsKey,
        tlsCert,
        registryTtl,
        maxBodyBytes,
        maxEntityRows,
        shutdownTimeout);
  }

  public ServerOptions withTls(Path key, Path cert) {
    return new ServerOptions(
        host, port, key, cert, registryTtl, maxBodyBytes, maxEntityRows, shutdownTimeout);
  }

  public ServerOptions withRegistryTtl(Duration ttl) {
    return new ServerOptions(
        host, port, tlsKey, tlsCert, ttl, maxBodyBytes, maxEntityRows, shutdownTimeout);
  }

  public ServerOptions withLimits(long bodyBytes, int entityRows) {
    return new ServerOptions(
        host, port, tlsKey, tlsCert, registryTtl, bodyBytes, entityRows, shutdownTimeout);
  }

  public ServerOptions withShutdownTimeout(Duration timeout) {
    return new ServerOptions(
        host, port, tlsKey, tlsCert, registryTtl, maxBodyBytes, maxEntityRows, timeout);
  }

  boolean tls() {
    return tlsKey != null;
  }
}
