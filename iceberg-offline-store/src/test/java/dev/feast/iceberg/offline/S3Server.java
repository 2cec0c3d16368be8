package dev.feast.iceberg.offline;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An S3-compatible server in this JVM (S3Proxy over an in-memory blob store) on a free loopback
 * port, started once and shared by the test classes, with the Iceberg properties that point
 * S3FileIO at it.
 */
final class S3Server {
  private static final Logger log = LoggerFactory.getLogger(S3Server.class);
  static final String ACCESS_KEY = "feast-access";
  static final String SECRET_KEY = "feast-secret";
  private static S3Server instance;

  private final S3Proxy proxy;
  private final BlobStore blobs;

  private S3Server() throws Exception {
    blobs = new TransientNio2BlobStore();
    proxy =
        S3Proxy.builder()
            .blobStore(blobs)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    proxy.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
  }

  /** The server, started at the first call. */
  static synchronized S3Server get() throws Exception {
    if (instance == null) {
      instance = new S3Server();
      S3Server started = instance;
      Runtime.getRuntime().addShutdownHook(new Thread(started::stopQuietly));
    }
    return instance;
  }

  private void stopQuietly() {
    try {
      proxy.stop();
    } catch (Exception e) {
      log.warn("S3Proxy did not stop: {}", e.toString());
    }
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /** Creates a bucket and returns its name. */
  String createBucket(String name) {
    blobs.createContainer(name);
    return name;
  }

  /** Catalog properties for Iceberg's S3FileIO against this server: path style, static keys. */
  Map<String, String> fileIoProperties() {
    Map<String, String> properties = new HashMap<>();
    properties.put("io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
    properties.put("s3.endpoint", endpoint().toString());
    properties.put("s3.path-style-access", "true");
    properties.put("s3.access-key-id", ACCESS_KEY);
    properties.put("s3.secret-access-key", SECRET_KEY);
    properties.put("client.region", "us-east-1");
    properties.put("http-client.type", "urlconnection");
    return properties;
  }
}
