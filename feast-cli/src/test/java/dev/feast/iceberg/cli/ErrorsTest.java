package dev.feast.iceberg.cli;

import static dev.feast.iceberg.cli.CliRun.expectSuccess;
import static dev.feast.iceberg.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every error is one line that says what is wrong and how to fix it, with an exit code that says
 * whose it is: 2 the user's input, 3 an external system, 1 a bug.
 */
class ErrorsTest {
  static final int USER = 2;
  static final int EXTERNAL = 3;
  static final int BUG = 1;

  @TempDir Path dir;

  static void assertOneLineError(CliRun.Result result, int exit, String... parts) {
    assertThat(result.exit()).as(result.toString()).isEqualTo(exit);
    assertThat(result.err().lines()).as(result.toString()).hasSize(1);
    assertThat(result.err()).startsWith("Error: ").contains(parts);
  }

  @Test
  void aFolderWithoutFeatureStoreYamlSaysWhereToRun() {
    assertOneLineError(
        run(dir, "entities", "list"),
        USER,
        "No feature_store.yaml in " + dir,
        "run from a feature repository folder, pass it with --repo, or create one with"
            + " 'feast-iceberg init'");
  }

  @Test
  void anUnknownViewNamesTheKnownOnes() throws Exception {
    Path repo = CliRun.copyExample(dir);
    expectSuccess(run(repo, "apply"));

    assertOneLineError(
        run(repo, "materialize", "2026-01-01", "2026-01-02", "--views", "driver_stats"),
        USER,
        "Feature view 'driver_stats' is not in the registry",
        "known views: [driver_hourly_stats]");
    assertOneLineError(
        run(repo, "feature-views", "describe", "nope"),
        USER,
        "registered views: [driver_hourly_stats]");
    assertOneLineError(
        run(repo, "get-online-features", "-f", "driver_hourly_stats:conv_rate", "-e", "rider_id=1"),
        USER,
        "'rider_id' is not a join key of any registered feature view; join keys are [driver_id]");
  }

  @Test
  void aTimeThatIsNotATimeShowsTheForms() throws Exception {
    Path repo = CliRun.copyExample(dir);

    assertOneLineError(
        run(repo, "materialize", "yesterday", "now"),
        USER,
        "START 'yesterday' is not a time; write it like 2026-11-25T10:00:00Z");
  }

  @Test
  void aMistakeInADefinitionsFileNamesTheFileAndLine() throws Exception {
    Path repo = CliRun.copyExample(dir);
    Path definitions = repo.resolve("definitions.yaml");
    Files.writeString(
        definitions, Files.readString(definitions).replace("dtype: Int64", "dtype: Integer"));

    assertOneLineError(
        run(repo, "plan"),
        USER,
        "definitions.yaml line 17: feature view 'driver_hourly_stats':"
            + " feature 'avg_daily_trips': Unknown value type 'Integer'");
  }

  @Test
  void planRefusesAFeatureNameTheOnlineStoreKeepsForItselfAsApplyDoes() throws Exception {
    Path repo = CliRun.copyExample(dir);
    Path definitions = repo.resolve("definitions.yaml");
    Files.writeString(
        definitions, Files.readString(definitions).replace("name: conv_rate", "name: entity_key"));

    for (String verb : new String[] {"plan", "apply"}) {
      CliRun.Result result = run(repo, verb);
      assertOneLineError(
          result,
          USER,
          "Feature view 'driver_hourly_stats' has a feature named 'entity_key', a column the Iceberg"
              + " online store keeps for itself");
      assertThat(result.out()).as(verb).isEmpty();
    }
  }

  @Test
  void aUsageErrorPointsAtTheHelpWithExitTwo() {
    assertOneLineError(
        run(dir, "materialize", "2026-01-01"),
        2,
        "Missing required parameter: 'END'",
        "see 'feast-iceberg materialize --help'");
    assertOneLineError(
        run(dir, "get-online-features", "-e", "driver_id=1"), 2, "-f=REF", "-s=NAME");
  }

  @Test
  void verboseAddsTheStackTrace() {
    CliRun.Result result = run(dir, "entities", "list", "--verbose");

    assertThat(result.exit()).isEqualTo(USER);
    assertThat(result.err())
        .startsWith("Error: No feature_store.yaml")
        .contains("\tat dev.feast.iceberg.cli.BaseCommand");
  }

  @Test
  void anUnexpectedErrorSuggestsVerbose() {
    RuntimeException e = new IllegalStateException("boom\n  second line");
    assertThat(ErrorReporter.oneLine(e)).isEqualTo("boom second line");
    assertThat(ErrorReporter.oneLine(new RuntimeException(new java.io.IOException("disk full"))))
        .isEqualTo("java.io.IOException: disk full");
    assertThat(ErrorReporter.oneLine(new NullPointerException())).isEqualTo("NullPointerException");
  }

  @Test
  void maintainOnAStoreWithoutMaintenanceIsAOneLineUnsupportedError() throws Exception {
    Path repo = exampleWithOnlineStore("no-maintenance-test");
    expectSuccess(run(repo, "apply"));

    assertOneLineError(
        run(repo, "maintain"),
        USER,
        "The no-maintenance-test store does not support maintenance (it does not declare MAINTENANCE)");
  }

  @Test
  void aStorageFailureExitsWithThreeNamingTheStorageAndThePath() throws Exception {
    Path repo = CliRun.copyExample(dir);
    expectSuccess(run(repo, "apply"));
    Path registry = repo.resolve("data/registry.json");
    Files.delete(registry);
    // A folder where the registry file should be: reading it fails as a broken disk would.
    Files.createDirectories(registry);

    assertOneLineError(
        run(repo, "entities", "list"),
        EXTERNAL,
        "Cannot read the registry " + registry,
        "(the storage failed; rerun once it is reachable)");
  }

  @Test
  void aBugInAPluginExitsWithOneSaysSoAndShowsTheStackTraceUnderVerbose() throws Exception {
    Path repo = exampleWithOnlineStore("throwing-test");

    assertOneLineError(
        run(repo, "apply"),
        BUG,
        "the buggy store's index is out of step",
        "(this is a bug; rerun with --verbose for the stack trace and report it)");
    CliRun.Result verbose = run(repo, "apply", "--verbose");
    assertThat(verbose.exit()).isEqualTo(BUG);
    assertThat(verbose.err())
        .contains("this is a bug; please report it with this stack trace")
        .contains("\tat dev.feast.iceberg.cli.ThrowingStoreFactory.create");
  }

  /** The example repository with its online store replaced by a test plugin of {@code type}. */
  private Path exampleWithOnlineStore(String type) throws Exception {
    Path repo = CliRun.copyExample(dir);
    Path yaml = repo.resolve("feature_store.yaml");
    String config = Files.readString(yaml);
    Files.writeString(
        yaml,
        config.substring(0, config.indexOf("online_store:"))
            + "online_store:\n  type: "
            + type
            + "\nentity_key_serialization_version: 3\n");
    return repo;
  }
}
