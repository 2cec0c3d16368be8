package dev.feast.iceberg.cli;

import dev.feast.iceberg.core.definitions.DefinitionYaml;
import dev.feast.iceberg.core.registry.MaterializationInterval;
import dev.feast.iceberg.core.registry.RegistryState;
import dev.feast.iceberg.spi.FeatureView;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code feature-views list|describe}: the registered feature views. */
@Command(
    name = "feature-views",
    description = "List or describe the registered feature views.",
    subcommands = {FeatureViewsCommand.List.class, FeatureViewsCommand.Describe.class})
final class FeatureViewsCommand {
  private FeatureViewsCommand() {}

  @Command(name = "list", description = "List the registered feature views.")
  static final class List extends BaseCommand {
    @Override
    void run() {
      TextTable table = new TextTable("NAME", "ENTITIES", "FEATURES", "TTL", "ONLINE", "SOURCE");
      for (FeatureView v : registry().featureViews().values()) {
        table.add(
            v.name(),
            String.join(",", v.entities()),
            v.features().size(),
            ttl(v.ttl()),
            v.online(),
            v.source().name());
      }
      table.print(out());
    }
  }

  @Command(
      name = "describe",
      description = "Show a registered feature view and its materialized intervals.")
  static final class Describe extends BaseCommand {
    @Parameters(paramLabel = "NAME", description = "The feature view.")
    String name;

    @Override
    void run() {
      RegistryState registry = registry();
      FeatureView view = registry.featureViews().get(name);
      if (view == null) {
        throw new UnknownDefinitionException(
            "Feature view '"
                + name
                + "' is not in the registry of project '"
                + registry.project()
                + "'; registered views: "
                + registry.featureViews().keySet());
      }
      out().print(DefinitionYaml.write(view));
      java.util.List<MaterializationInterval> intervals =
          registry.materializations().getOrDefault(name, java.util.List.of());
      out().println(intervals.isEmpty() ? "materialized: never" : "materialized:");
      intervals.forEach(i -> out().println("  - [" + i.start() + ", " + i.end() + "]"));
    }
  }

  static String ttl(Duration ttl) {
    return ttl.isZero() ? "none" : DefinitionYaml.ttl(ttl);
  }
}
