package dev.feast.iceberg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.core.FeatureStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors in the command line's language, as a user running the process reads them: the advice names
 * a verb of feast-iceberg, never a Java method of the library.
 */
class MessagesTest {
  @TempDir Path dir;

  /**
   * Exit 2 (the user's input) and an error as the last line of stderr (progress lines may come
   * before it).
   */
  private static void assertCliError(CliProcess.Run run, String... parts) {
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    List<String> lines = run.err().lines().toList();
    assertThat(lines.stream().filter(l -> l.startsWith("Error: "))).as(run.err()).hasSize(1);
    assertThat(lines.get(lines.size() - 1))
        .startsWith("Error: ")
        .contains(parts)
        .doesNotContain("FeatureStore.", "OnlineStore.", "OfflineStore.", "write_batch");
  }

  @Test
  void aMissingRepositoryFolderIsNamedAsTheFolderItIs() throws Exception {
    Path missing = dir.resolve("nonexistent");

    assertCliError(
        ProcessTest.feastIceberg(dir, "--repo", missing.toString(), "entities", "list"),
        "No folder " + missing + "; pass --repo the feature repository folder");
  }

  @Test
  void retrievalBeforeAnyOfflineWriteSaysToRunWriteOffline() throws Exception {
    Path repo = CliRun.copyExample(dir.resolve("repo"));
    Files.writeString(repo.resolve("entities.csv"), SampleCsv.entityRows(CliRun.END));
    CliRun.expectSuccess(CliRun.run(repo, "apply"));

    assertCliError(
        ProcessTest.feastIceberg(
            repo,
            "get-historical-features",
            "--entities",
            "entities.csv",
            "--features",
            "driver_hourly_stats:conv_rate",
            "--output",
            "out.parquet"),
        "the source of feature view 'driver_hourly_stats', does not exist",
        "with 'feast-iceberg write-offline --view VIEW --file FILE'");
  }

  @Test
  void aViewWithoutOnlineStorageSaysToRunApply() throws Exception {
    Path repo = CliRun.loadedExample(dir.resolve("repo"));
    try (FeatureStore store = FeatureStore.open(repo)) {
      // Storage lost behind the registry's back (a table dropped by hand in the catalog).
      store.onlineStore().teardown(List.copyOf(store.registry().featureViews().values()));
    }

    assertCliError(
        ProcessTest.feastIceberg(repo, "materialize-incremental", CliRun.END.toString()),
        "has no online table",
        "run 'feast-iceberg apply' first");
  }

  @Test
  void readingOnlineAfterTeardownSaysNothingIsRegistered() throws Exception {
    Path repo = CliRun.loadedExample(dir.resolve("repo"));
    CliRun.expectSuccess(CliRun.run(repo, "teardown"));

    assertCliError(
        ProcessTest.feastIceberg(
            repo, "get-online-features", "--service", "driver_activity", "-e", "driver_id=1001"),
        "No feature views are registered in",
        "run 'feast-iceberg apply' first");
  }

  @Test
  void servingOnAPortInUseSaysToPassAnotherPort() throws Exception {
    Path repo = CliRun.copyExample(dir.resolve("repo"));
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      assertCliError(
          ProcessTest.feastIceberg(repo, "serve", "--port", Integer.toString(port)),
          "Cannot listen on 127.0.0.1:" + port,
          "pass --port another one");
    }
  }

  @Test
  void servingHttpsWithAKeyButNoCertificateSaysToGiveBoth() throws Exception {
    Path repo = CliRun.copyExample(dir.resolve("repo"));

    assertCliError(
        ProcessTest.feastIceberg(repo, "serve", "--key", "key.pem"),
        "HTTPS needs both --key and --cert");
  }
}
