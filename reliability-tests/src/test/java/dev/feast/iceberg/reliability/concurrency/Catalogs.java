package dev.feast.iceberg.reliability.concurrency;

import dev.feast.iceberg.core.plugin.Plugins;
import dev.feast.iceberg.core.plugin.RuntimeContext;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import dev.feast.iceberg.testservers.PostgresCluster;
import dev.feast.iceberg.testservers.RestCatalogServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;

/**
 * The catalogs the reliability tests run on: a SQLite file (the embedded default), PostgreSQL (a
 * private cluster on 127.0.0.1) and the REST catalog (Iceberg's servlet in Jetty), and an
 * independent way for a test to open the same catalog to check tables.
 */
public final class Catalogs {
  private Catalogs() {}

  /**
   * The {@code catalog:} section of kind {@code sqlite}, {@code postgres} or {@code rest} for a
   * repository at {@code repo}; {@code suffix} keeps databases of different tests apart.
   */
  public static Map<String, String> section(String kind, Path repo, String suffix) {
    Map<String, String> section = new LinkedHashMap<>();
    switch (kind) {
      case "sqlite" -> {
        section.put("type", "jdbc");
        section.put("uri", "jdbc:sqlite:data/catalog.db");
      }
      case "postgres" -> {
        PostgresCluster cluster = PostgresCluster.shared();
        section.put("type", "jdbc");
        section.put("uri", cluster.database("feast_rel_" + suffix));
        section.put("jdbc.user", PostgresCluster.USER);
        section.put("jdbc.password", PostgresCluster.PASSWORD);
        section.put("warehouse", repo.resolve("pg-warehouse").toAbsolutePath().toString());
      }
      case "rest" -> {
        section.put("type", "rest");
        section.put("uri", RestCatalogServer.sharedLocal().uri());
      }
      default -> throw new IllegalArgumentException("unknown catalog kind " + kind);
    }
    return section;
  }

  /**
   * Opens the catalog of a section through the catalog plugins, as the stores do, but in a context
   * of its own: what a test checks is what another process would see.
   */
  public static Opened open(Path repo, Map<String, String> section) {
    Map<String, String> properties = new LinkedHashMap<>(section);
    String type = properties.remove("type");
    RuntimeContext context = new RuntimeContext("reliability", repo, Plugins.discover());
    try {
      return new Opened(
          context, context.catalog(new CatalogConfig(type, null, properties)).catalog());
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
  }

  /** An opened catalog; closing it closes its connections. */
  public record Opened(RuntimeContext context, Catalog catalog) implements AutoCloseable {
    @Override
    public void close() {
      context.close();
    }
  }
}
