package dev.feast.iceberg.cli;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.core.materialize.MaterializationResult;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code materialize-incremental END}: each view from the greatest end of its recorded
 * materializations (Feast's most recent end time; the first time, from {@code now - ttl}, or the
 * epoch for a view without ttl) up to END.
 */
@Command(
    name = "materialize-incremental",
    description =
        "Copy values from each view's latest materialized end (first time: now - ttl) up to END.")
final class MaterializeIncrementalCommand extends BaseCommand {
  @Parameters(
      index = "0",
      paramLabel = "END",
      description = "End time: 2026-11-25T10:00:00Z, 2026-11-25 (UTC) or now.")
  String end;

  @Option(
      names = {"--views", "-v"},
      paramLabel = "VIEW",
      description = "Only these feature views (repeat or separate with commas).")
  List<String> views;

  @Override
  void run() {
    Instant to = Times.parse(end, "END", cli().clock());
    try (FeatureStore store = openStore();
        MaterializationProgress listener = new MaterializationProgress(progress());
        ShutdownNotice notice = ShutdownNotice.on(listener::interrupt)) {
      List<MaterializationResult> results =
          store.materializeIncremental(to, listener, split(views).toArray(String[]::new));
      MaterializeCommand.report(results, store, out());
    }
  }
}
