package dev.feast.iceberg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code init [DIR]}: writes a working feature repository in the local example's shape: {@code
 * feature_store.yaml} on the embedded default, YAML definitions, sample data ending at the current
 * hour, entity rows, and a README with the workflow.
 */
@Command(
    name = "init",
    description = "Create a feature repository with sample data (default folder: feature_repo).")
final class InitCommand extends BaseCommand {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      defaultValue = "feature_repo",
      description = "The folder to create, relative to --repo (default: feature_repo).")
  Path dir;

  @Override
  void run() throws IOException {
    Path target = repo().resolve(dir).normalize();
    if (Files.isDirectory(target)) {
      try (Stream<Path> children = Files.list(target)) {
        if (children.findAny().isPresent()) {
          throw new CliException(
              "The folder " + target + " exists and is not empty; choose a new folder name");
        }
      }
    } else if (Files.exists(target)) {
      throw new CliException(target + " exists and is not a folder; choose a new folder name");
    }
    Files.createDirectories(target);
    String project = project(target);
    Instant end = cli().clock().instant().truncatedTo(ChronoUnit.HOURS);
    Map<String, String> values = Map.of("project", project, "end", end.toString());
    copy("feature_store.yaml", target.resolve("feature_store.yaml"), values);
    copy("definitions.yaml", target.resolve("definitions.yaml"), values);
    copy("README.md", target.resolve("README.md"), values);
    copy("gitignore", target.resolve(".gitignore"), values);
    Files.writeString(
        target.resolve("driver_stats.csv"), SampleCsv.driverStats(end), StandardCharsets.UTF_8);
    Files.writeString(
        target.resolve("entities.csv"), SampleCsv.entityRows(end), StandardCharsets.UTF_8);
    out().println("Created the feature repository " + target + " (project " + project + ").");
    out()
        .println(
            "Next: cd "
                + target
                + " && feast-iceberg apply   (the README lists the whole workflow)");
  }

  /** The folder name as a project name: letters, digits and underscores. */
  static String project(Path target) {
    Path name = target.getFileName();
    String project = name == null ? "" : name.toString().replaceAll("[^A-Za-z0-9_]", "_");
    return project.isEmpty() ? "feature_repo" : project;
  }

  private static void copy(String template, Path target, Map<String, String> values)
      throws IOException {
    String text;
    try (InputStream in = InitCommand.class.getResourceAsStream("template/" + template)) {
      if (in == null) {
        throw new UncheckedIOException(
            new IOException("The template " + template + " is missing from the jar"));
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("{{" + value.getKey() + "}}", value.getValue());
    }
    Files.writeString(target, text, StandardCharsets.UTF_8);
  }
}
