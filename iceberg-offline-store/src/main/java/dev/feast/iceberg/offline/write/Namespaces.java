package dev.feast.iceberg.offline.write;

import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.exceptions.AlreadyExistsException;

/** Creates namespaces on first use, as Feast creates its tables without a separate setup step. */
public final class Namespaces {
  private Namespaces() {}

  public static void ensure(Catalog catalog, Namespace namespace) {
    if (namespace.isEmpty() || !(catalog instanceof SupportsNamespaces namespaces)) {
      return;
    }
    if (!namespaces.namespaceExists(namespace)) {
      try {
        namespaces.createNamespace(namespace);
      } catch (AlreadyExistsException e) {
        // Another writer created it first; that is what we wanted.
      } catch (RuntimeException e) {
        // Iceberg's JdbcCatalog reports a lost creation race as a failed INSERT (a unique-key
        // violation, UncheckedSQLException), not as AlreadyExistsException.
        if (!namespaces.namespaceExists(namespace)) {
          throw e;
        }
      }
    }
  }
}
