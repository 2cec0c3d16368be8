package dev.feast.iceberg.cli;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.IcebergSource;
import dev.feast.iceberg.spi.RowSet;
import dev.feast.iceberg.spi.SourceColumn;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code write-offline}: appends the rows of a CSV or Parquet file to a feature view's Iceberg
 * source table in one commit (Feast's {@code write_to_offline_store}), creating the table the first
 * time. Columns are typed by the view: its join keys and features (by source column name) and its
 * timestamp columns. The whole file is read and checked first ({@link OfflineFile}): a file with
 * any bad row writes nothing.
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

  @Option(
      names = "--epoch-unit",
      paramLabel = "s|ms",
      converter = EpochUnit.Converter.class,
      description =
          "Read numbers in timestamp columns as epoch seconds (s) or milliseconds (ms);"
              + " without it a number there is an error.")
  EpochUnit epochUnit;

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
      String table =
          definition.source() instanceof IcebergSource source
              ? source.table()
              : definition.source().name();
      long started = environment().nanoTime().getAsLong();
      Progress progress = progress();
      try {
        RowSet rows =
            OfflineFile.read(
                file,
                SourceColumn.of(definition),
                "feature view '" + view + "'",
                epochUnit,
                progress);
        if (rows.size() == 0) {
          out()
              .println(
                  file.getFileName()
                      + " has no rows"
                      + (TabularFiles.isCsv(file) ? " after its header" : "")
                      + "; nothing written to "
                      + table);
          return;
        }
        WriteProgress writing = new WriteProgress(progress, table, rows.size());
        store.writeToOfflineStore(view, rows, writing);
        writing.committed();
        out()
            .println(
                Progress.summary(
                        "Wrote " + file.getFileName() + " to " + table + ":",
                        rows.size(),
                        environment().nanoTime().getAsLong() - started)
                    .replace(":  ", ": "));
      } catch (RuntimeException e) {
        if (environment().terminal()) {
          // The error goes below the progress bar, not onto its line.
          err().println();
        }
        throw e;
      }
    }
  }
}
