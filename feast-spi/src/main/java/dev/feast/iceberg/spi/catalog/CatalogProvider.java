package dev.feast.iceberg.spi.catalog;

import dev.feast.iceberg.spi.annotation.Stable;
import java.util.Set;
import org.apache.iceberg.catalog.Catalog;

/** An open Iceberg catalog; closing it releases its connections. */
@Stable
public interface CatalogProvider extends AutoCloseable {
  /** The catalog. */
  Catalog catalog();

  /** Where the catalog lives, for messages; never contains a secret. */
  String describe();

  /**
   * The optional behaviours of this catalog; none by default. On the open provider rather than its
   * factory because what a catalog offers can depend on the server it reached (a REST catalog's
   * backend), and the runtime and the suite always hold an open provider.
   */
  default Set<CatalogCapability> capabilities() {
    return Set.of();
  }

  @Override
  void close();
}
