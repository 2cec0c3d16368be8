package dev.feast.iceberg.testsuite.containers;

import dev.feast.iceberg.spi.annotation.Experimental;
import java.util.LinkedHashMap;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * An Iceberg REST catalog server in Docker (Apache Iceberg's {@code iceberg-rest-fixture}) keeping
 * its tables in an {@link S3Container}'s bucket. It starts after the S3 server, on its network.
 */
@Experimental
public class IcebergRestContainer extends GenericContainer<IcebergRestContainer> {
  /** The image used unless another is given. */
  public static final DockerImageName DEFAULT_IMAGE =
      DockerImageName.parse("apache/iceberg-rest-fixture:1.10.0");

  static final int PORT = 8181;
  private final S3Container s3;

  public IcebergRestContainer(S3Container s3) {
    this(DEFAULT_IMAGE, s3);
  }

  public IcebergRestContainer(DockerImageName image, S3Container s3) {
    super(image);
    this.s3 = s3;
    dependsOn(s3);
    withNetwork(s3.getNetwork());
    // The fixture reads CATALOG_* variables as catalog properties ("__" stands for "-").
    withEnv("CATALOG_WAREHOUSE", s3.warehouse());
    withEnv("CATALOG_IO__IMPL", "org.apache.iceberg.aws.s3.S3FileIO");
    withEnv("CATALOG_S3_ENDPOINT", "http://" + S3Container.NETWORK_ALIAS + ":" + S3Container.PORT);
    withEnv("CATALOG_S3_PATH__STYLE__ACCESS", "true");
    withEnv("AWS_ACCESS_KEY_ID", S3Container.ACCESS_KEY);
    withEnv("AWS_SECRET_ACCESS_KEY", S3Container.SECRET_KEY);
    withEnv("AWS_REGION", S3Container.REGION);
    withExposedPorts(PORT);
    waitingFor(Wait.forHttp("/v1/config").forPort(PORT).forStatusCode(200));
  }

  /** The catalog's URI from the test JVM, e.g. {@code http://localhost:32772}. */
  public String uri() {
    return "http://" + getHost() + ":" + getMappedPort(PORT);
  }

  /**
   * The properties of an Iceberg REST catalog client on this server: {@code uri}, and {@code
   * S3FileIO} on the S3 server as the test JVM reaches it. Put them in a {@code CatalogConfig} of
   * your catalog type.
   */
  public Map<String, String> catalogProperties() {
    Map<String, String> properties = new LinkedHashMap<>(s3.fileIoProperties());
    properties.put("uri", uri());
    return properties;
  }
}
