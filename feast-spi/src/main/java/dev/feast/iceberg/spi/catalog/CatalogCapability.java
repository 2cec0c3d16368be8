package dev.feast.iceberg.spi.catalog;

import dev.feast.iceberg.spi.annotation.Stable;

/**
 * Optional behaviours of an Iceberg catalog, declared by {@link CatalogProvider#capabilities()} and
 * read by the catalog conformance suite (which runs the case of every declared one and shows the
 * others as skipped, with the reason). The same convention as the stores' capability enums.
 */
@Stable
public enum CatalogCapability {
  /** {@code renameTable} within a namespace. */
  TABLE_RENAME,
  /** {@code renameTable} to another namespace; meaningful only with {@link #TABLE_RENAME}. */
  RENAME_ACROSS_NAMESPACES,
  /** Namespace properties are stored, updated and read back. */
  NAMESPACE_PROPERTIES,
  /**
   * A table can only be created in (and tables only listed for) a namespace that exists: otherwise
   * {@code NoSuchNamespaceException}. Iceberg's JDBC catalog creates the namespace with its first
   * table instead.
   */
  STRICT_NAMESPACES
}
