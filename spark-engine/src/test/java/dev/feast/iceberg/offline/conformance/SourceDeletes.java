package dev.feast.iceberg.offline.conformance;

import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.testsuite.OfflineConformanceBase.DeleteKind;
import org.apache.iceberg.catalog.Catalog;

/** Opens the DuckDB store's delete helper (same package) to the Spark store's conformance tests. */
public final class SourceDeletes {
  private SourceDeletes() {}

  public static void delete(
      Catalog catalog, FeatureView view, DeleteKind kind, String column, Object value) {
    IcebergSource source = (IcebergSource) view.source();
    IcebergSourceDeletes.delete(catalog.loadTable(source.identifier()), kind, column, value);
  }
}
