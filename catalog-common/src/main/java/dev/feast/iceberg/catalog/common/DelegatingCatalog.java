package dev.feast.iceberg.catalog.common;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * A catalog that passes every call to another one; providers extend it to correct how a particular
 * Iceberg catalog reports errors, overriding only the calls concerned.
 */
public class DelegatingCatalog implements Catalog, SupportsNamespaces, Closeable {
  private final Catalog tables;
  private final SupportsNamespaces namespaces;

  /** Wraps a catalog that also implements {@link SupportsNamespaces}. */
  public DelegatingCatalog(Catalog delegate) {
    this.tables = delegate;
    this.namespaces = (SupportsNamespaces) delegate;
  }

  @Override
  public String name() {
    return tables.name();
  }

  @Override
  public List<TableIdentifier> listTables(Namespace namespace) {
    return tables.listTables(namespace);
  }

  @Override
  public boolean dropTable(TableIdentifier identifier, boolean purge) {
    return tables.dropTable(identifier, purge);
  }

  @Override
  public void renameTable(TableIdentifier from, TableIdentifier to) {
    tables.renameTable(from, to);
  }

  @Override
  public Table loadTable(TableIdentifier identifier) {
    return tables.loadTable(identifier);
  }

  @Override
  public boolean tableExists(TableIdentifier identifier) {
    return tables.tableExists(identifier);
  }

  @Override
  public TableBuilder buildTable(TableIdentifier identifier, Schema schema) {
    return tables.buildTable(identifier, schema);
  }

  @Override
  public Table registerTable(TableIdentifier identifier, String metadataFileLocation) {
    return tables.registerTable(identifier, metadataFileLocation);
  }

  @Override
  public void invalidateTable(TableIdentifier identifier) {
    tables.invalidateTable(identifier);
  }

  @Override
  public void createNamespace(Namespace namespace, Map<String, String> metadata) {
    namespaces.createNamespace(namespace, metadata);
  }

  @Override
  public List<Namespace> listNamespaces(Namespace namespace) {
    return namespaces.listNamespaces(namespace);
  }

  @Override
  public Map<String, String> loadNamespaceMetadata(Namespace namespace) {
    return namespaces.loadNamespaceMetadata(namespace);
  }

  @Override
  public boolean dropNamespace(Namespace namespace) {
    return namespaces.dropNamespace(namespace);
  }

  @Override
  public boolean setProperties(Namespace namespace, Map<String, String> properties) {
    return namespaces.setProperties(namespace, properties);
  }

  @Override
  public boolean removeProperties(Namespace namespace, Set<String> properties) {
    return namespaces.removeProperties(namespace, properties);
  }

  @Override
  public boolean namespaceExists(Namespace namespace) {
    return namespaces.namespaceExists(namespace);
  }

  @Override
  public void close() throws IOException {
    if (tables instanceof Closeable closeable) {
      closeable.close();
    }
  }

  @Override
  public String toString() {
    return tables.toString();
  }
}
