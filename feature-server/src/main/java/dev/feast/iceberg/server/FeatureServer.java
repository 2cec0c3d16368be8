package dev.feast.iceberg.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.server.auth.Authenticator;
import dev.feast.iceberg.spi.ConfigException;
import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feast's feature server over a feature repository: {@code POST /get-online-features}, {@code
 * /push}, {@code /materialize}, {@code /materialize-incremental}, {@code GET /health} and {@code
 * /metrics}, on Jetty 12 with one plain {@link org.eclipse.jetty.server.Handler}. The server owns
 * the store it is given: {@link #stop()} stops taking requests, lets those in flight finish (up to
 * the shutdown timeout), then closes the store.
 *
 * <pre>{@code
 * FeatureStore store = FeatureStore.open(Path.of("my_repo"));
 * FeatureServer server = FeatureServer.start(store, ServerOptions.defaults());
 * server.serveUntilShutdown();   // until SIGTERM or Ctrl-C
 * }</pre>
 */
public final class FeatureServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FeatureServer.class);
  private final Server jetty;
  private final ServerConnector connector;
  private final FeatureStore store;
  private final boolean tls;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean ready;
  private boolean stopping;

  private FeatureServer(FeatureStore store, Authenticator authenticator, ServerOptions options) {
    this.store = store;
    this.tls = options.tls();
    ObjectMapper mapper = new ObjectMapper();
    Clock clock = Clock.systemUTC();
    ServedRegistry registry = new ServedRegistry(store, options.registryTtl());
    Metrics metrics = new Metrics();
    ServerHandler handler =
        new ServerHandler(
            mapper,
            authenticator,
            new OnlineFeaturesEndpoint(
                registry, store.onlineStore(), mapper.getFactory(), options.maxEntityRows()),
            new PushEndpoint(store, registry, mapper, clock, options.maxEntityRows()),
            new MaterializeEndpoint(store, registry, mapper, clock),
            registry,
            metrics,
            () -> ready,
            options.maxBodyBytes());

    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("feast-server");
    this.jetty = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    if (tls) {
      http.addCustomizer(new SecureRequestCustomizer());
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStore(PemKeyStore.load(options.tlsKey(), options.tlsCert()));
      ssl.setKeyStorePassword("");
      this.connector =
          new ServerConnector(
              jetty, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
    } else {
      this.connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    }
    connector.setHost(options.host());
    connector.setPort(options.port());
    jetty.addConnector(connector);
    // In-flight requests finish on stop; new ones are refused meanwhile.
    jetty.setHandler(new GracefulHandler(handler));
    jetty.setStopTimeout(options.shutdownTimeout().toMillis());
    jetty.setErrorHandler(new JsonErrorHandler());
  }

  /** Starts serving a store with the authentication of its {@code auth:} section. */
  public static FeatureServer start(FeatureStore store, ServerOptions options) {
    return start(store, Authenticator.of(store.config().auth(), HttpClient.newBuilder()), options);
  }

  /** Starts serving a store; the server closes the store when it stops (or fails to start). */
  public static FeatureServer start(
      FeatureStore store, Authenticator authenticator, ServerOptions options) {
    FeatureServer server;
    try {
      server = new FeatureServer(store, authenticator, options);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    try {
      server.jetty.start();
    } catch (Exception e) {
      server.stop();
      if (e instanceof java.io.IOException && e.getCause() instanceof BindException
          || e instanceof BindException) {
        throw new ConfigException(
            "Cannot listen on "
                + options.host()
                + ":"
                + options.port()
                + " ("
                + e.getMessage()
                + "); another process uses the port: pass --port another one");
      }
      throw new IllegalStateException("The feature server did not start: " + e.getMessage(), e);
    }
    server.ready = true;
    return server;
  }

  /** The port served (the one picked when the options asked for 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** {@code http://host:port} (or https). */
  public URI uri() {
    String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
    return URI.create((tls ? "https" : "http") + "://" + host + ":" + port());
  }

  /** Whether the registry and the stores are open and requests are answered. */
  public boolean ready() {
    return ready;
  }

  /**
   * Makes the JVM's stop (SIGTERM, Ctrl-C) stop the server as {@link #stop()} does, before the JVM
   * exits. Call it before telling anyone the server is up, so a signal never finds it unhooked.
   */
  public FeatureServer stopOnShutdown() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "feast-server-shutdown"));
    return this;
  }

  /** {@link #stopOnShutdown()}, then waits until the server has stopped. */
  public void serveUntilShutdown() throws InterruptedException {
    stopOnShutdown();
    awaitStopped();
  }

  /**
   * Stops taking requests, waits for those in flight (up to the shutdown timeout), then closes the
   * stores. Safe to call more than once, from any thread: a later call returns once the first has
   * closed the stores, so that a caller which stops the server may then delete what the stores used
   * (a shutdown hook and {@code close()} often both call it).
   */
  public void stop() {
    boolean first;
    synchronized (this) {
      first = !stopping;
      stopping = true;
    }
    if (!first) {
      awaitStoppedUninterruptibly();
      return;
    }
    ready = false;
    log.info(
        "Stopping: no new requests; waiting up to {} s for the requests in flight, then"
            + " closing the stores",
        jetty.getStopTimeout() / 1000);
    try {
      jetty.stop();
    } catch (Exception e) {
      log.warn("The HTTP server did not stop cleanly: {}", e.getMessage());
    } finally {
      try {
        store.close();
        log.info("Stopped: the stores are closed");
      } finally {
        stopped.countDown();
      }
    }
  }

  private void awaitStoppedUninterruptibly() {
    boolean interrupted = false;
    while (true) {
      try {
        stopped.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until the server has stopped and its stores are closed. */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  @Override
  public void close() {
    stop();
  }
}
