package dev.feast.iceberg.spi.catalog;

import org.apache.iceberg.catalog.Catalog;

/** An open Iceberg catalog; closing it releases its connections. */
public interface CatalogProvider extends AutoCloseable {
  /** The catalog. */
  Catalog catalog();

  /** Where the catalog lives, for messages; never contains a secret. */
  String describe();

  @Override
  void close();
}
