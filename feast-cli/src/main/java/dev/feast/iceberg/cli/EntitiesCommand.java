package dev.feast.iceberg.cli;

import dev.feast.iceberg.core.definitions.DefinitionYaml;
import dev.feast.iceberg.core.registry.RegistryState;
import dev.feast.iceberg.spi.Entity;
import dev.feast.iceberg.spi.UnknownDefinitionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code entities list|describe}: the registered entities. */
@Command(
    name = "entities",
    description = "List or describe the registered entities.",
    subcommands = {EntitiesCommand.List.class, EntitiesCommand.Describe.class})
final class EntitiesCommand {
  private EntitiesCommand() {}

  @Command(name = "list", description = "List the registered entities.")
  static final class List extends BaseCommand {
    @Override
    void run() {
      TextTable table = new TextTable("NAME", "JOIN KEY", "TYPE", "DESCRIPTION");
      for (Entity e : registry().entities().values()) {
        table.add(e.name(), e.joinKey(), e.valueType().feastName(), e.description());
      }
      table.print(out());
    }
  }

  @Command(
      name = "describe",
      description = "Show a registered entity as a definitions file declares it.")
  static final class Describe extends BaseCommand {
    @Parameters(paramLabel = "NAME", description = "The entity.")
    String name;

    @Override
    void run() {
      RegistryState registry = registry();
      Entity entity = registry.entities().get(name);
      if (entity == null) {
        throw new UnknownDefinitionException(
            "Entity '"
                + name
                + "' is not in the registry of project '"
                + registry.project()
                + "'; registered entities: "
                + registry.entities().keySet());
      }
      out().print(DefinitionYaml.write(entity));
    }
  }
}
