package dev.feast.iceberg.cli;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.spi.offline.EntitySource;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.RowStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code get-historical-features}: point-in-time correct features for the entity rows of a CSV or
 * Parquet file, written to a Parquet file (or CSV when the output ends in {@code .csv}). The output
 * has one row per entity row, so its size is known up front and progress shows the time left.
 */
@Command(
    name = "get-historical-features",
    description = "Point-in-time features for entity rows, written to a file.")
final class HistoricalCommand extends BaseCommand {
  @Option(
      names = {"--entities", "-e"},
      required = true,
      paramLabel = "FILE",
      description =
          "Entity rows: a .csv (with header) or .parquet file with the join keys and an"
              + " event_timestamp column.")
  Path entities;

  @ArgGroup(exclusive = true, multiplicity = "1")
  FeatureSelection selection;

  @Option(
      names = {"--output", "-o"},
      required = true,
      paramLabel = "FILE",
      description = "Where to write the result: .parquet, or .csv.")
  Path output;

  @Option(names = "--full-feature-names", description = "Name columns <view>__<feature>.")
  boolean fullFeatureNames;

  @Override
  void run() throws IOException {
    TabularFiles.requireKnownFormat(entities, "--entities");
    TabularFiles.requireKnownFormat(output, "--output");
    EntitySource source =
        TabularFiles.isCsv(entities)
            ? new EntitySource.CsvFile(entities.toAbsolutePath())
            : new EntitySource.ParquetFile(entities.toAbsolutePath());
    long total = TabularFiles.count(entities);
    try (FeatureStore store = openStore();
        RetrievalJob job =
            selection.service != null
                ? store.getHistoricalFeatures(source, selection.service, fullFeatureNames)
                : store.getHistoricalFeatures(
                    source, split(selection.features), fullFeatureNames)) {
      Progress.Task task = progress().start("get-historical-features", total);
      long rows;
      if (TabularFiles.isCsv(output)) {
        rows = writeCsv(job, task);
      } else {
        job.toParquet(output.toAbsolutePath());
        // A point-in-time join returns exactly one row per entity row.
        rows = total;
      }
      task.finish(rows);
      out()
          .printf(
              "Wrote %,d rows with columns %s to %s%n",
              rows, job.columns().stream().map(f -> f.name()).toList(), output);
    }
  }

  private long writeCsv(RetrievalJob job, Progress.Task task) throws IOException {
    Path target = output.toAbsolutePath();
    if (target.getParent() != null) {
      Files.createDirectories(target.getParent());
    }
    long rows = 0;
    try (BufferedWriter writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
        RowStream stream = job.rows()) {
      CsvWriter csv = new CsvWriter(writer);
      csv.header(stream.columns());
      while (stream.hasNext()) {
        csv.row(stream.next());
        rows++;
        task.update(rows);
      }
    } catch (IOException | RuntimeException e) {
      // Half a training set looks like a whole one: leave no file behind.
      Files.deleteIfExists(target);
      throw e;
    }
    return rows;
  }
}
