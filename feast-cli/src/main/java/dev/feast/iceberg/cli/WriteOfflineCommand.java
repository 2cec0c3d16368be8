package dev.feast.iceberg.cli;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code write-offline}: appends the rows of a CSV or Parquet file to a feature view's Iceberg
 * source table in one commit (Feast's {@code write_to_offline_store}), creating the table the first
 * time. Columns are typed by the view: its join keys and features (by source column name) and its
 * timestamp columns.
 */
@Command(
    name = "write-offline",
    description = "Append a CSV or Parquet file to a feature view's Iceberg source table.")
final class WriteOfflineCommand extends BaseCommand {
  @Option(
      names = {"--view", "-v"},
      required = true,
      paramLabel = "VIEW",
      description = "The registered feature view.")
  String view;

  @Option(
      names = {"--file", "-f"},
      required = true,
      paramLabel = "FILE",
      description = "A .csv (with header) or .parquet file.")
  Path file;

  @Override
  void run() {
    TabularFiles.requireKnownFormat(file, "--file");
    try (FeatureStore store = openStore()) {
      FeatureView definition = store.registry().featureViews().get(view);
      if (definition == null) {
        throw new UnknownDefinitionException(
            "Feature view '"
                + view
                + "' is not in the registry; registered views: "
                + store.registry().featureViews().keySet()
                + " (run 'feast-iceberg apply' after declaring it)");
      }
      long started = environment().nanoTime().getAsLong();
      RowSet rows =
          TabularFiles.read(
              file,
              TabularFiles.sourceColumns(definition),
              "the source of feature view '" + view + "'");
      store.writeToOfflineStore(view, rows);
      out()
          .println(
              Progress.summary(
                      "Wrote " + file.getFileName() + " to " + definition.source().name() + ":",
                      rows.size(),
                      environment().nanoTime().getAsLong() - started)
                  .replace(":  ", ": "));
    }
  }
}
