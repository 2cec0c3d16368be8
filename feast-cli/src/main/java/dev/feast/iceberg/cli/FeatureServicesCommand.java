package dev.feast.iceberg.cli;

import dev.feast.iceberg.core.definitions.DefinitionYaml;
import dev.feast.iceberg.core.registry.RegistryState;
import dev.feast.iceberg.spi.FeatureService;
import dev.feast.iceberg.spi.FeatureViewProjection;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import java.util.ArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code feature-services list|describe}: the registered feature services. */
@Command(
    name = "feature-services",
    description = "List or describe the registered feature services.",
    subcommands = {FeatureServicesCommand.List.class, FeatureServicesCommand.Describe.class})
final class FeatureServicesCommand {
  private FeatureServicesCommand() {}

  @Command(name = "list", description = "List the registered feature services.")
  static final class List extends BaseCommand {
    @Override
    void run() {
      TextTable table = new TextTable("NAME", "FEATURES");
      for (FeatureService s : registry().featureServices().values()) {
        java.util.List<String> served = new ArrayList<>();
        for (FeatureViewProjection p : s.projections()) {
          served.add(
              p.nameToUse()
                  + ":"
                  + (p.features().isEmpty() ? "*" : String.join(",", p.features())));
        }
        table.add(s.name(), String.join(" ", served));
      }
      table.print(out());
    }
  }

  @Command(
      name = "describe",
      description = "Show a registered feature service as a definitions file declares it.")
  static final class Describe extends BaseCommand {
    @Parameters(paramLabel = "NAME", description = "The feature service.")
    String name;

    @Override
    void run() {
      RegistryState registry = registry();
      FeatureService service = registry.featureServices().get(name);
      if (service == null) {
        throw new UnknownDefinitionException(
            "Feature service '"
                + name
                + "' is not in the registry of project '"
                + registry.project()
                + "'; registered services: "
                + registry.featureServices().keySet());
      }
      out().print(DefinitionYaml.write(service));
    }
  }
}
