package dev.feast.iceberg.testsuite.containers;

import dev.feast.iceberg.spi.annotation.Experimental;
import java.util.LinkedHashMap;
import java.util.Map;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** PostgreSQL in Docker, for a JDBC catalog (or a store) that keeps its state there. */
@Experimental
public final class PostgresContainers {
  /** The image used unless another is given. */
  public static final DockerImageName DEFAULT_IMAGE = DockerImageName.parse("postgres:17-alpine");

  private PostgresContainers() {}

  /** A PostgreSQL server with database {@code feast_catalog}; start it, or annotate it. */
  public static PostgreSQLContainer postgres() {
    return new PostgreSQLContainer(DEFAULT_IMAGE).withDatabaseName("feast_catalog");
  }

  /**
   * The properties of an Iceberg JDBC catalog on this server ({@code uri}, {@code jdbc.user},
   * {@code jdbc.password}) and a warehouse location; add the FileIO properties of the warehouse
   * (e.g. {@link S3Container#fileIoProperties()}).
   */
  public static Map<String, String> jdbcCatalogProperties(
      PostgreSQLContainer postgres, String warehouse) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("uri", postgres.getJdbcUrl());
    properties.put("jdbc.user", postgres.getUsername());
    properties.put("jdbc.password", postgres.getPassword());
    properties.put("warehouse", warehouse);
    return properties;
  }
}
