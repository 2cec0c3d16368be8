package dev.feast.iceberg.spi.catalog;

import dev.feast.iceberg.spi.annotation.Stable;
import org.apache.iceberg.catalog.Catalog;

/** An open Iceberg catalog; closing it releases its connections. */
@Stable
public interface CatalogProvider extends AutoCloseable {
  /** The catalog. */
  Catalog catalog();

  /** Where the catalog lives, for messages; never contains a secret. */
  String describe();

  @Override
  void close();
}
