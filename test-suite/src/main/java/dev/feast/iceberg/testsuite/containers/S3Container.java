package dev.feast.iceberg.testsuite.containers;

import dev.feast.iceberg.spi.annotation.Experimental;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * An S3-compatible server (MinIO) in Docker, with one bucket, {@value #BUCKET}, made at start.
 * Other containers on its {@link #getNetwork() network} reach it as {@code http://}{@value
 * #NETWORK_ALIAS}{@code :9000}; the test JVM at {@link #endpoint()}.
 */
@Experimental
public class S3Container extends GenericContainer<S3Container> {
  /** The image used unless another is given: a pinned MinIO release. */
  public static final DockerImageName DEFAULT_IMAGE =
      DockerImageName.parse("minio/minio:RELEASE.2025-04-22T22-12-26Z");

  public static final String ACCESS_KEY = "feast-test-access-key";
  public static final String SECRET_KEY = "feast-test-secret-key-9f3a";
  public static final String REGION = "us-east-1";
  public static final String BUCKET = "warehouse";
  public static final String NETWORK_ALIAS = "s3";
  static final int PORT = 9000;

  public S3Container() {
    this(DEFAULT_IMAGE);
  }

  public S3Container(DockerImageName image) {
    super(image);
    withNetwork(Network.newNetwork());
    withNetworkAliases(NETWORK_ALIAS);
    withEnv("MINIO_ROOT_USER", ACCESS_KEY);
    withEnv("MINIO_ROOT_PASSWORD", SECRET_KEY);
    withCommand("server", "/data");
    withExposedPorts(PORT);
    waitingFor(Wait.forHttp("/minio/health/live").forPort(PORT));
  }

  @Override
  public void start() {
    super.start();
    createBucket(BUCKET);
  }

  /** Creates a bucket with the {@code mc} client the MinIO image ships. */
  public void createBucket(String name) {
    try {
      ExecResult alias =
          execInContainer(
              "mc", "alias", "set", "local", "http://localhost:" + PORT, ACCESS_KEY, SECRET_KEY);
      ExecResult made = execInContainer("mc", "mb", "--ignore-existing", "local/" + name);
      if (alias.getExitCode() != 0 || made.getExitCode() != 0) {
        throw new IllegalStateException(
            "Cannot create bucket '"
                + name
                + "' in "
                + getDockerImageName()
                + ": "
                + alias.getStderr()
                + made.getStderr()
                + "; use an image that ships the mc client");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating bucket " + name, e);
    }
  }

  /** The endpoint the test JVM reaches, e.g. {@code http://localhost:32771}. */
  public String endpoint() {
    return "http://" + getHost() + ":" + getMappedPort(PORT);
  }

  /** The warehouse location in the bucket made at start. */
  public String warehouse() {
    return "s3://" + BUCKET + "/";
  }

  /** Iceberg catalog properties for {@code S3FileIO} on this server, from the test JVM. */
  public Map<String, String> fileIoProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
    properties.put("s3.endpoint", endpoint());
    properties.put("s3.path-style-access", "true");
    properties.put("s3.access-key-id", ACCESS_KEY);
    properties.put("s3.secret-access-key", SECRET_KEY);
    properties.put("client.region", REGION);
    return properties;
  }
}
