package dev.feast.iceberg.catalog.jdbc;

import dev.feast.iceberg.spi.catalog.CatalogProvider;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.iceberg.catalog.Catalog;

/** An open JDBC catalog; closing it closes its connection pool. */
final class JdbcCatalogProvider implements CatalogProvider {
  private final Catalog catalog;
  private final String description;

  JdbcCatalogProvider(Catalog catalog, String description) {
    this.catalog = catalog;
    this.description = description;
  }

  @Override
  public Catalog catalog() {
    return catalog;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    if (catalog instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not close " + description, e);
      }
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
