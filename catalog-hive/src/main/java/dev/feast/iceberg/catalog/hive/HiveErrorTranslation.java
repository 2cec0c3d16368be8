package dev.feast.iceberg.catalog.hive;

import dev.feast.iceberg.catalog.common.DelegatingCatalog;
import java.util.List;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;

/**
 * Iceberg's {@code HiveCatalog} with listing a missing namespace reported as Iceberg's {@code
 * NoSuchNamespaceException}, as the other catalogs do: the metastore answers an empty list.
 */
final class HiveErrorTranslation extends DelegatingCatalog {
  HiveErrorTranslation(Catalog hive) {
    super(hive);
  }

  @Override
  public List<TableIdentifier> listTables(Namespace namespace) {
    List<TableIdentifier> tables = super.listTables(namespace);
    if (tables.isEmpty() && !namespaceExists(namespace)) {
      throw new NoSuchNamespaceException("Namespace does not exist: %s", namespace);
    }
    return tables;
  }
}
