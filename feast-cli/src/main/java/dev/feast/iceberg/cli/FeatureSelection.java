package dev.feast.iceberg.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** Features by reference or by service, one of the two: shared by the retrieval verbs. */
final class FeatureSelection {
  @Option(
      names = {"--features", "-f"},
      required = true,
      paramLabel = "REF",
      description = "Feature references view:feature (repeat or separate with commas).")
  List<String> features;

  @Option(
      names = {"--service", "-s"},
      required = true,
      paramLabel = "NAME",
      description = "A feature service.")
  String service;
}
