package dev.feast.iceberg.cli;

import dev.feast.iceberg.core.definitions.ApplyPlan;
import dev.feast.iceberg.core.definitions.DefinitionChange;
import dev.feast.iceberg.core.definitions.DefinitionLoader;
import dev.feast.iceberg.core.definitions.RepoDefinitions;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/**
 * {@code plan}: what {@code apply} would add, change and delete in the registry, after the checks
 * apply makes before it changes anything ({@link BaseCommand#checkedDefinitions()}), so a plan is
 * never shown for what apply would refuse.
 */
@Command(
    name = "plan",
    description = "Show what apply would add, change and delete in the registry.")
final class PlanCommand extends BaseCommand {
  @Override
  void run() {
    // Checked first, as apply does: the registry is only read once everything else is sound.
    RepoDefinitions definitions = checkedDefinitions();
    ApplyPlan plan = ApplyPlan.of(registry(), definitions);
    print(plan, out());
    out()
        .println(
            plan.isEmpty()
                ? "No changes: the registry matches the definitions."
                : "Run 'feast-iceberg apply' to make these changes.");
  }

  /**
   * The repository's definitions; none at all is an error rather than a plan to delete everything.
   */
  static RepoDefinitions definitions(Path repo) {
    RepoDefinitions definitions = DefinitionLoader.load(repo);
    if (definitions.files().isEmpty()) {
      throw new CliException(
          "No definitions file in "
              + repo
              + "; add a *.yaml file with entities, feature_views and feature_services next to"
              + " feature_store.yaml (see docs/cli.md), or run 'feast-iceberg init' for a"
              + " template");
    }
    return definitions;
  }

  /**
   * One line per change: {@code + feature view v}, {@code ~ ... (ttl: 1d -> 2d)}, {@code - ...}.
   */
  static void print(ApplyPlan plan, PrintWriter out) {
    long added = 0;
    long changed = 0;
    long deleted = 0;
    for (DefinitionChange change : plan.changes()) {
      String subject = change.kind().label() + " " + change.name();
      switch (change.action()) {
        case ADD -> {
          added++;
          out.println("+ " + subject);
        }
        case UPDATE -> {
          changed++;
          out.println("~ " + subject + " (" + String.join("; ", change.details()) + ")");
        }
        case DELETE -> {
          deleted++;
          out.println("- " + subject);
        }
        default -> throw new IllegalStateException("Unknown action " + change.action());
      }
    }
    out.printf("Plan: %d to add, %d to change, %d to delete.%n", added, changed, deleted);
  }
}
