package dev.feast.iceberg.cli;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.core.definitions.ApplyPlan;
import dev.feast.iceberg.core.definitions.DefinitionChange;
import dev.feast.iceberg.core.definitions.RepoDefinitions;
import picocli.CommandLine.Command;

/**
 * {@code apply}: registers the definitions files' entities, views and services, creates their
 * online storage, and deletes what no file declares any more (with its online storage), as Feast's
 * {@code apply} does.
 */
@Command(
    name = "apply",
    description =
        "Register the definitions, create their online storage, and delete"
            + " definitions no file declares any more.")
final class ApplyCommand extends BaseCommand {
  @Override
  void run() {
    // What plan checks, before any store is opened or file written.
    RepoDefinitions definitions = checkedDefinitions();
    try (FeatureStore store = openStore()) {
      ApplyPlan plan = ApplyPlan.of(store.registry(), definitions);
      store.apply(plan.toApply(), plan.toDelete());
      for (DefinitionChange change : plan.changes()) {
        String verb =
            switch (change.action()) {
              case ADD -> "Created";
              case UPDATE -> "Updated";
              case DELETE -> "Deleted";
            };
        String details =
            change.details().isEmpty() ? "" : " (" + String.join("; ", change.details()) + ")";
        out().println(verb + " " + change.kind().label() + " " + change.name() + details);
      }
      out()
          .printf(
              "Applied %s, %s and %s of project %s%s.%n",
              TextTable.count(definitions.entities().size(), "entity", "entities"),
              TextTable.count(definitions.featureViews().size(), "feature view", "feature views"),
              TextTable.count(
                  definitions.featureServices().size(), "feature service", "feature services"),
              store.config().project(),
              plan.isEmpty() ? " (no changes)" : "");
    }
  }
}
