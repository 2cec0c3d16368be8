package dev.feast.iceberg.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.rest.RESTCatalogAdapter;
import org.apache.iceberg.rest.RESTCatalogServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Iceberg's own REST catalog servlet ({@code RESTCatalogServlet} over {@code RESTCatalogAdapter},
 * from Iceberg's test jars) in a Jetty bound to 127.0.0.1, backed by a JDBC catalog on a SQLite
 * file. One server per warehouse kind per JVM, stopped when the JVM exits.
 */
public final class RestCatalogServer {
  private static RestCatalogServer local;
  private static RestCatalogServer s3;

  private final Server server;
  private final Catalog backend;
  private final String uri;
  private final String warehouse;

  private RestCatalogServer(Server server, Catalog backend, String uri, String warehouse) {
    this.server = server;
    this.backend = backend;
    this.uri = uri;
    this.warehouse = warehouse;
  }

  /** A server whose tables live in a local temporary warehouse. */
  public static synchronized RestCatalogServer sharedLocal() {
    if (local == null) {
      Path dir = tempDir("feast-rest-local");
      local = start(dir, Map.of("warehouse", dir.resolve("warehouse").toString()));
    }
    return local;
  }

  /** A server whose tables live in the bucket {@code rest-warehouse} of {@link S3Server}. */
  public static synchronized RestCatalogServer sharedS3() {
    if (s3 == null) {
      S3Server storage = S3Server.shared();
      Map<String, String> properties = new HashMap<>(storage.fileIoProperties());
      properties.put("warehouse", "s3://" + storage.bucket("rest-warehouse") + "/wh");
      s3 = start(tempDir("feast-rest-s3"), properties);
    }
    return s3;
  }

  private static RestCatalogServer start(Path dir, Map<String, String> backendProperties) {
    Map<String, String> properties = new HashMap<>(backendProperties);
    properties.put("uri", "jdbc:sqlite:" + dir.resolve("rest-backend.db"));
    properties.put("jdbc.schema-version", "V1");
    Catalog backend =
        CatalogUtil.loadCatalog(
            "org.apache.iceberg.jdbc.JdbcCatalog", "rest_backend", properties, new Configuration());
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(
        new ServletHolder(new RESTCatalogServlet(new RESTCatalogAdapter(backend))), "/*");
    server.setHandler(context);
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("Could not start the REST catalog server on 127.0.0.1", e);
    }
    RestCatalogServer started =
        new RestCatalogServer(
            server,
            backend,
            "http://127.0.0.1:" + connector.getLocalPort(),
            properties.get("warehouse"));
    Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "rest-catalog-stop"));
    return started;
  }

  private static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a folder for the REST catalog server", e);
    }
  }

  /** The catalog's base URI, for the client's {@code uri} property. */
  public String uri() {
    return uri;
  }

  /** The backend's warehouse location. */
  public String warehouse() {
    return warehouse;
  }

  private void stop() {
    try {
      server.stop();
      if (backend instanceof AutoCloseable closeable) {
        closeable.close();
      }
    } catch (Exception e) {
      throw new IllegalStateException("Could not stop the REST catalog server at " + uri, e);
    }
  }
}
