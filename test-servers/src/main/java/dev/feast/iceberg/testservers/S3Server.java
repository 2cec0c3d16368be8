package dev.feast.iceberg.testservers;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gaul.s3proxy.junit.S3ProxyJunitCore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * An S3 server on 127.0.0.1: s3proxy in-process with its transient (in-memory) backend, one per
 * JVM, stopped when the JVM exits.
 */
public final class S3Server {
  public static final String ACCESS_KEY = "feast-test-access-key";
  public static final String SECRET_KEY = "feast-test-secret-key-9f3a";
  public static final String REGION = "us-east-1";

  private static S3Server shared;

  private final S3ProxyJunitCore proxy;

  private S3Server(S3ProxyJunitCore proxy) {
    this.proxy = proxy;
  }

  /** The server of this JVM, started on first use. */
  public static synchronized S3Server shared() {
    if (shared == null) {
      S3ProxyJunitCore proxy =
          new S3ProxyJunitCore.Builder()
              .withCredentials(ACCESS_KEY, SECRET_KEY)
              .withBlobStoreProvider("transient")
              .build();
      try {
        proxy.beforeEach();
      } catch (Exception e) {
        throw new IllegalStateException("Could not start the in-process S3 server (s3proxy)", e);
      }
      shared = new S3Server(proxy);
      Runtime.getRuntime().addShutdownHook(new Thread(proxy::afterEach, "s3proxy-stop"));
    }
    return shared;
  }

  /** The endpoint, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return proxy.getUri();
  }

  /** Creates a bucket unless it exists; returns its name. */
  public String bucket(String name) {
    try (S3Client client = client()) {
      client.createBucket(b -> b.bucket(name));
    } catch (BucketAlreadyOwnedByYouException e) {
      // Several test classes share the server; the bucket is theirs to share too.
      return name;
    }
    return name;
  }

  /** A client for test assertions. */
  public S3Client client() {
    return S3Client.builder()
        .endpointOverride(endpoint())
        .region(Region.of(REGION))
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build();
  }

  /** Iceberg catalog properties for S3FileIO on this server. */
  public Map<String, String> fileIoProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
    properties.put("s3.endpoint", endpoint().toString());
    properties.put("s3.path-style-access", "true");
    properties.put("s3.access-key-id", ACCESS_KEY);
    properties.put("s3.secret-access-key", SECRET_KEY);
    properties.put("client.region", REGION);
    return properties;
  }
}
