package dev.feast.iceberg.catalog.rest;

import dev.feast.iceberg.testservers.PostgresCluster;
import dev.feast.iceberg.testservers.RestCatalogServer;
import dev.feast.iceberg.testservers.S3Server;
import dev.feast.iceberg.testsuite.catalog.StoresEndToEndConformance;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/**
 * C3: both Iceberg stores, configured through feature_store.yaml, on each catalog of this module
 * and of catalog-jdbc (which cannot depend on the stores: their tests depend on it).
 */
class StoresEndToEndTest {
  @Nested
  class OnRestWithALocalWarehouse extends StoresEndToEndConformance {
    @Override
    protected Map<String, String> catalogSection(Path dir) {
      return Map.of("type", "rest", "uri", RestCatalogServer.sharedLocal().uri());
    }
  }

  @Nested
  class OnRestWithAnS3Warehouse extends StoresEndToEndConformance {
    @Override
    protected Map<String, String> catalogSection(Path dir) {
      Map<String, String> catalog = new HashMap<>(S3Server.shared().fileIoProperties());
      catalog.put("type", "rest");
      catalog.put("uri", RestCatalogServer.sharedS3().uri());
      return catalog;
    }
  }

  @Nested
  class OnRestWithTheR2Profile extends StoresEndToEndConformance {
    @Override
    protected Map<String, String> catalogSection(Path dir) {
      return Map.of(
          "type",
          "rest",
          "uri",
          RestCatalogServer.sharedS3().uri(),
          "storage",
          "r2",
          "s3.endpoint",
          S3Server.shared().endpoint().toString(),
          "s3.access-key-id",
          S3Server.ACCESS_KEY,
          "s3.secret-access-key",
          S3Server.SECRET_KEY);
    }
  }

  @Nested
  class OnJdbcWithSqlite extends StoresEndToEndConformance {
    @Override
    protected Map<String, String> catalogSection(Path dir) {
      return Map.of("type", "sql", "uri", "jdbc:sqlite:data/catalog.db");
    }
  }

  @Nested
  class OnJdbcWithPostgres extends StoresEndToEndConformance {
    @Override
    protected Map<String, String> catalogSection(Path dir) {
      return Map.of(
          "type",
          "jdbc",
          "uri",
          PostgresCluster.shared().database("feast_e2e"),
          "jdbc.user",
          PostgresCluster.USER,
          "jdbc.password",
          PostgresCluster.PASSWORD,
          "warehouse",
          dir.resolve("pg-warehouse").toString());
    }
  }
}
