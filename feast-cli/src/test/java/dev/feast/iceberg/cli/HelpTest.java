package dev.feast.iceberg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every verb answers {@code --help} and {@code -h} with its usage and exit code 0, even when its
 * required options are missing (a user asks for help precisely because they do not know them).
 */
class HelpTest {
  @TempDir Path dir;

  /** Every verb and sub-verb, as the words a user types ("feature-views list"). */
  static Stream<String> verbs() {
    List<String> verbs = new ArrayList<>();
    collect(FeastCli.commandLine(CliEnvironment.system()), "", verbs);
    return verbs.stream();
  }

  private static void collect(CommandLine command, String prefix, List<String> into) {
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!sub.getCommandSpec().name().equals(name)) {
                return; // an alias: the verb is listed under its own name
              }
              String words = (prefix + " " + name).strip();
              into.add(words);
              collect(sub, words, into);
            });
  }

  @ParameterizedTest
  @MethodSource("verbs")
  void everyVerbPrintsItsUsageForHelpAndH(String verb) {
    for (String flag : List.of("--help", "-h")) {
      List<String> args = new ArrayList<>(List.of(verb.split(" ")));
      args.add(flag);
      CliRun.Result result = CliRun.run(dir, args.toArray(String[]::new));

      assertThat(result.exit()).as(result.toString()).isZero();
      assertThat(result.out()).as(result.toString()).contains("Usage: feast-iceberg " + verb);
      assertThat(result.err())
          .as(result.toString())
          .doesNotContain("Missing required", "Unknown option");
    }
  }

  @Test
  void theVerbsOfTheIssueAsAProcess() throws Exception {
    for (String verb : List.of("get-historical-features", "apply", "materialize", "serve")) {
      CliProcess.Run run = ProcessTest.feastIceberg(dir, verb, "--help");

      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(run.out()).contains("Usage: feast-iceberg " + verb);
    }
  }

  @Test
  void incrementalHelpSaysWhereTheFirstRunStartsAsTheDocsDo() {
    CliRun.Result result = CliRun.run(dir, "materialize-incremental", "--help");

    assertThat(result.out()).contains("now - ttl").doesNotContain("END - ttl");
  }

  @Test
  void theRootStillPrintsItsVersion() {
    CliRun.Result result = CliRun.run(dir, "--version");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out()).startsWith("feast-iceberg ");
  }
}
