package dev.feast.iceberg.cli;

import dev.feast.iceberg.common.RecordValues;
import dev.feast.iceberg.core.plugin.Plugins;
import dev.feast.iceberg.core.plugin.RuntimeContext;
import dev.feast.iceberg.spi.catalog.CatalogConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The example's offline source table {@code feast.driver_hourly_stats}, read straight from the
 * repository's Iceberg catalog (the embedded default), to see what a write left behind.
 */
final class OfflineTable {
  static final TableIdentifier DRIVER_HOURLY_STATS =
      TableIdentifier.parse("feast.driver_hourly_stats");

  /**
   * What the table holds: its snapshots (oldest first) and rows (timestamps as instants, in a fixed
   * order); no table is {@code null}.
   */
  record State(List<Long> snapshots, List<Map<String, Object>> rows) {}

  private OfflineTable() {}

  static State state(Path repo) {
    try (RuntimeContext context = new RuntimeContext("driver_ranking", repo, Plugins.discover())) {
      Catalog catalog =
          context
              .catalog(
                  new CatalogConfig(
                      "jdbc",
                      "feast",
                      Map.of("uri", "jdbc:sqlite:data/catalog.db", "warehouse", "data/warehouse")))
              .catalog();
      if (!catalog.tableExists(DRIVER_HOURLY_STATS)) {
        return null;
      }
      Table table = catalog.loadTable(DRIVER_HOURLY_STATS);
      List<Long> snapshots = new ArrayList<>();
      for (Snapshot snapshot : table.snapshots()) {
        snapshots.add(snapshot.snapshotId());
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
        for (Record record : records) {
          Map<String, Object> row = new LinkedHashMap<>();
          table
              .schema()
              .columns()
              .forEach(c -> row.put(c.name(), RecordValues.fromIceberg(record.getField(c.name()))));
          rows.add(row);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // Files are read in no fixed order.
      rows.sort(Comparator.comparing(String::valueOf));
      return new State(snapshots, rows);
    }
  }
}
