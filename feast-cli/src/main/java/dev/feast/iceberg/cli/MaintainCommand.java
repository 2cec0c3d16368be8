package dev.feast.iceberg.cli;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.spi.online.MaintenanceReport;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code maintain}: compaction, snapshot expiry and TTL deletes on the online store's tables; the
 * notes column says what a view's run left out and why.
 */
@Command(
    name = "maintain",
    description =
        "Compact the online tables, expire old snapshots and delete values past their ttl.")
final class MaintainCommand extends BaseCommand {
  @Option(
      names = {"--views", "-v"},
      paramLabel = "VIEW",
      description = "Only these feature views (repeat or separate with commas).")
  List<String> views;

  @Override
  void run() {
    try (FeatureStore store = openStore()) {
      List<MaintenanceReport> reports = store.maintain(split(views).toArray(String[]::new));
      TextTable table =
          new TextTable(
              "VIEW",
              "FILES REWRITTEN",
              "FILES WRITTEN",
              "EXPIRED ROWS DELETED",
              "SNAPSHOTS EXPIRED",
              "NOTES");
      for (MaintenanceReport r : reports) {
        table.add(
            r.view(),
            r.filesRewritten(),
            r.filesWritten(),
            r.expiredRowsDeleted(),
            r.snapshotsExpired(),
            String.join("; ", r.notes()));
      }
      table.print(out());
    }
  }
}
