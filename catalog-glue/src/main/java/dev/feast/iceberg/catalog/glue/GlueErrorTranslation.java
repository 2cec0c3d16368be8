package dev.feast.iceberg.catalog.glue;

import dev.feast.iceberg.catalog.common.DelegatingCatalog;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;

/**
 * Iceberg's {@code GlueCatalog} with the errors users rely on made Iceberg's: in Iceberg 1.11 it
 * lets the Glue SDK's {@code EntityNotFoundException} escape from {@code listTables} and {@code
 * dropNamespace} of a missing database and from creating a table in one, and the SDK's {@code
 * AlreadyExistsException} from a rename onto an existing table.
 */
final class GlueErrorTranslation extends DelegatingCatalog {
  GlueErrorTranslation(Catalog glue) {
    super(glue);
  }

  @Override
  public List<TableIdentifier> listTables(Namespace namespace) {
    try {
      return super.listTables(namespace);
    } catch (EntityNotFoundException e) {
      throw new NoSuchNamespaceException(e, "Namespace does not exist: %s", namespace);
    }
  }

  @Override
  public void renameTable(TableIdentifier from, TableIdentifier to) {
    try {
      super.renameTable(from, to);
    } catch (software.amazon.awssdk.services.glue.model.AlreadyExistsException e) {
      throw new AlreadyExistsException(e, "Cannot rename %s to %s: the table exists", from, to);
    }
  }

  @Override
  public TableBuilder buildTable(TableIdentifier identifier, Schema schema) {
    // GlueCatalog reports a table created in a missing database with the SDK's exception, at
    // commit.
    if (!namespaceExists(identifier.namespace())) {
      throw new NoSuchNamespaceException(
          "Cannot create table %s: namespace %s does not exist",
          identifier, identifier.namespace());
    }
    return super.buildTable(identifier, schema);
  }

  @Override
  public boolean dropNamespace(Namespace namespace) {
    try {
      return super.dropNamespace(namespace);
    } catch (EntityNotFoundException e) {
      return false;
    }
  }
}
