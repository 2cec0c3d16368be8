package dev.feast.iceberg.catalog.rest;

import dev.feast.iceberg.testservers.PostgresCluster;
import dev.feast.iceberg.testservers.RestCatalogServer;
import dev.feast.iceberg.testservers.S3Server;
import dev.feast.iceberg.testservers.StoresEndToEnd;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * C3: both Iceberg stores, configured through feature_store.yaml, on each catalog of this module
 * and of catalog-jdbc (which cannot depend on the stores: their tests depend on it).
 */
class StoresEndToEndTest {
  @TempDir Path dir;

  @Test
  void c3OnRestWithALocalWarehouse() {
    StoresEndToEnd.check(dir, Map.of("type", "rest", "uri", RestCatalogServer.sharedLocal().uri()));
  }

  @Test
  void c3OnRestWithAnS3Warehouse() {
    Map<String, String> catalog = new HashMap<>(S3Server.shared().fileIoProperties());
    catalog.put("type", "rest");
    catalog.put("uri", RestCatalogServer.sharedS3().uri());
    StoresEndToEnd.check(dir, catalog);
  }

  @Test
  void c3OnRestWithTheR2Profile() {
    StoresEndToEnd.check(
        dir,
        Map.of(
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
            S3Server.SECRET_KEY));
  }

  @Test
  void c3OnJdbcWithSqlite() {
    StoresEndToEnd.check(dir, Map.of("type", "sql", "uri", "jdbc:sqlite:data/catalog.db"));
  }

  @Test
  void c3OnJdbcWithPostgres() {
    PostgresCluster cluster = PostgresCluster.shared();
    StoresEndToEnd.check(
        dir,
        Map.of(
            "type",
            "jdbc",
            "uri",
            cluster.database("feast_e2e"),
            "jdbc.user",
            PostgresCluster.USER,
            "jdbc.password",
            PostgresCluster.PASSWORD,
            "warehouse",
            dir.resolve("pg-warehouse").toString()));
  }
}
