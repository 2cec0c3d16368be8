package dev.feast.iceberg.cli;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.core.materialize.MaterializationResult;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code materialize START END}: copies the latest value per entity with event time in {@code
 * [START, END]} of every online view (or those named) to the online store, and records the
 * interval.
 */
@Command(
    name = "materialize",
    description = "Copy the latest values in [START, END] to the online store.")
final class MaterializeCommand extends BaseCommand {
  @Parameters(
      index = "0",
      paramLabel = "START",
      description = "Start time: 2026-11-25T00:00:00Z, 2026-11-25 (UTC) or now.")
  String start;

  @Parameters(index = "1", paramLabel = "END", description = "End time, in the same forms.")
  String end;

  @Option(
      names = {"--views", "-v"},
      paramLabel = "VIEW",
      description = "Only these feature views (repeat or separate with commas).")
  List<String> views;

  @Override
  void run() {
    Instant from = Times.parse(start, "START", cli().clock());
    Instant to = Times.parse(end, "END", cli().clock());
    if (to.isBefore(from)) {
      throw new CliException("END " + to + " is before START " + from + "; swap them");
    }
    try (FeatureStore store = openStore();
        MaterializationProgress listener = new MaterializationProgress(progress());
        ShutdownNotice notice = ShutdownNotice.on(listener::interrupt)) {
      List<MaterializationResult> results =
          store.materialize(from, to, listener, split(views).toArray(String[]::new));
      report(results, store, out());
    }
  }

  static void report(List<MaterializationResult> results, FeatureStore store, PrintWriter out) {
    if (results.isEmpty()) {
      out.println(
          "No online feature view to materialize; apply definitions with online views first.");
    }
    for (MaterializationResult r : results) {
      out.printf(
          "Materialized %,d rows of %s from %s to %s into the %s online store%s%n",
          r.rows(),
          r.view(),
          r.start(),
          r.end(),
          store.config().onlineStore().type(),
          MaterializationProgress.skipped(r));
    }
  }
}
