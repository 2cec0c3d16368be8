package dev.feast.iceberg.cli;

import dev.feast.iceberg.core.config.RepoConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import picocli.CommandLine.Command;

/** {@code registry-dump}: the registry as JSON (it is kept as a JSON file already). */
@Command(
    name = "registry-dump",
    description = "Print the registry (definitions and materialized intervals) as JSON.")
final class RegistryDumpCommand extends BaseCommand {
  @Override
  void run() throws Exception {
    RepoConfig config = config();
    // Opening checks the file is a registry of this project before printing it.
    registry();
    if (!Files.exists(config.registryPath())) {
      throw new CliException(
          "There is no registry at "
              + config.registryPath()
              + " yet; run 'feast-iceberg apply' first");
    }
    out().print(Files.readString(config.registryPath(), StandardCharsets.UTF_8));
  }
}
