package dev.feast.iceberg.cli;

import static dev.feast.iceberg.cli.ProcessTest.feastIceberg;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.cli.CliProcess.Run;
import dev.feast.iceberg.cli.CliProcess.Started;
import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.core.materialize.MaterializationResult;
import dev.feast.iceberg.core.materialize.Materializer;
import dev.feast.iceberg.spi.FeatureView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Materialization as a user runs it, in real processes: progress in phases with totals and rates,
 * Feast's incremental rule, Ctrl-C, and two runs of the same view at once (one of them in this JVM,
 * paused while it holds the view's lock).
 */
class MaterializeProcessTest {
  static final String HEADER =
      "driver_id,event_timestamp,conv_rate,acc_rate,avg_daily_trips,created\n";

  /** Rows of the large source: enough that writing them takes seconds. */
  static final int LARGE = 20_000;

  @TempDir Path dir;

  static String csvRow(long driver, Instant at, float convRate) {
    return driver + "," + at + "," + convRate + ",0.5,1," + at + "\n";
  }

  static Run expectSuccess(Run run) {
    assertThat(run.exit()).as(run.err()).isZero();
    return run;
  }

  /** The example repository with small batches, applied, holding {@code csv} offline. */
  private Path repoWith(String csv) throws Exception {
    Path repo = CliRun.copyExample(dir.resolve("repo"));
    Files.writeString(
        repo.resolve("feature_store.yaml"),
        Files.readString(repo.resolve("feature_store.yaml"))
            + "materialization:\n  batch_size: 500\n");
    Files.writeString(repo.resolve("stats.csv"), csv);
    expectSuccess(feastIceberg(repo, "apply"));
    expectSuccess(
        feastIceberg(repo, "write-offline", "-v", "driver_hourly_stats", "-f", "stats.csv"));
    return repo;
  }

  /** The sample data, then LARGE newer rows (drivers 1001–1005 among them) at END. */
  private Path repoWithALargeNewerWrite() throws Exception {
    Path repo = repoWith(SampleCsv.driverStats(CliRun.END.minus(Duration.ofHours(1))));
    expectSuccess(
        feastIceberg(repo, "materialize-incremental", CliRun.END.minusSeconds(1).toString()));
    StringBuilder large = new StringBuilder(HEADER);
    for (long driver = 1; driver <= LARGE; driver++) {
      large.append(csvRow(driver, CliRun.END, 0.77f));
    }
    Files.writeString(repo.resolve("large.csv"), large);
    expectSuccess(
        feastIceberg(repo, "write-offline", "-v", "driver_hourly_stats", "-f", "large.csv"));
    return repo;
  }

  /** What get-online-features prints for conv_rate of some drivers. */
  private static String online(Path repo, long... drivers) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of("get-online-features", "--features", "driver_hourly_stats:conv_rate"));
    for (long driver : drivers) {
      args.add("-e");
      args.add("driver_id=" + driver);
    }
    return expectSuccess(feastIceberg(repo, args.toArray(String[]::new))).out();
  }

  private static long intervals(Path repo) throws Exception {
    String described =
        expectSuccess(feastIceberg(repo, "feature-views", "describe", "driver_hourly_stats")).out();
    return described.lines().filter(line -> line.startsWith("  - [")).count();
  }

  @Test
  void incrementalStartsAtTheGreatestRecordedEndWithProgressInPhases() throws Exception {
    Instant t10 = CliRun.END.minus(Duration.ofHours(6));
    Instant t12 = t10.plus(Duration.ofHours(2));
    Instant t14 = t10.plus(Duration.ofHours(4));
    Instant t15 = t10.plus(Duration.ofHours(5));
    Path repo =
        repoWith(
            HEADER
                + csvRow(1, t10, 0.10f)
                + csvRow(1, t12, 0.12f)
                + csvRow(1, t14, 0.14f)
                + csvRow(2, t10.plus(Duration.ofHours(1)), 0.21f));

    expectSuccess(feastIceberg(repo, "materialize", t12.toString(), t14.toString()));
    expectSuccess(
        feastIceberg(
            repo, "materialize", t10.minus(Duration.ofHours(1)).toString(), t10.toString()));
    Run incremental = expectSuccess(feastIceberg(repo, "materialize-incremental", t15.toString()));

    assertThat(incremental.out())
        .contains("Materialized 1 rows of driver_hourly_stats from " + t14 + " to " + t15);
    String label = "driver_hourly_stats [" + t14 + ", " + t15 + "]";
    assertThat(incremental.err())
        .contains(
            label + "  reading source  00:0",
            label + "  writing  0% 0/1 rows",
            label + "  committing  00:0",
            label + "  1 rows in 00:0")
        .contains("(reading source 00:0", "rows/s, committing 00:0")
        .doesNotContainPattern("[^.\\d]0 rows/s");
    // Driver 2's only row (at 11:00) lies in no materialized interval: not online, as in Feast.
    String json = online(repo, 1, 2);
    assertThat(json).contains("\"conv_rate\" : [ 0.14, null ]");
  }

  @Test
  void ctrlCWhileWritingLeavesThePreviousOnlineValuesAndRecordsNoInterval() throws Exception {
    Path repo = repoWithALargeNewerWrite();
    String before = online(repo, 1001, 1003);

    Started run = CliProcess.start(repo, "materialize-incremental", CliRun.END.toString());
    run.awaitErr("  writing  ");
    int kill =
        new ProcessBuilder("kill", "-INT", Long.toString(run.process().pid())).start().waitFor();
    Run interrupted = run.finished();

    assertThat(kill).isZero();
    assertThat(interrupted.exit()).as(interrupted.err()).isEqualTo(130);
    assertThat(interrupted.err())
        .containsPattern(
            "Interrupted: driver_hourly_stats was not committed; the online store keeps its"
                + " previous values and \\[[^]]+\\] is not recorded\n")
        .doesNotContain("Error:", "\tat ");
    assertThat(interrupted.out()).isEmpty();
    assertThat(online(repo, 1001, 1003)).isEqualTo(before).doesNotContain("0.77");
    assertThat(intervals(repo)).as("only the first materialization is recorded").isEqualTo(1);
  }

  @Test
  void aSecondRunOfTheSameViewWaitsForTheFirstAndContinuesWhereItEnded() throws Exception {
    Instant end = CliRun.END.minus(Duration.ofHours(1));
    Path repo = repoWith(SampleCsv.driverStats(CliRun.END));
    CountDownLatch firstIsWriting = new CountDownLatch(1);
    CountDownLatch letFirstWrite = new CountDownLatch(1);
    Materializer.Listener holding =
        new Materializer.Listener() {
          @Override
          public void writing(FeatureView view, long total) {
            firstIsWriting.countDown();
            try {
              letFirstWrite.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try (FeatureStore store = FeatureStore.open(repo)) {
      // The first run, in this JVM, holds the view's lock while it is paused before writing.
      Future<List<MaterializationResult>> first =
          thread.submit(() -> store.materializeIncremental(end, holding));
      assertThat(firstIsWriting.await(2, TimeUnit.MINUTES)).isTrue();
      Started second = CliProcess.start(repo, "materialize-incremental", end.toString());
      second.awaitErr("waiting for it to finish");
      letFirstWrite.countDown();
      List<MaterializationResult> firstResults = first.get(2, TimeUnit.MINUTES);
      Run two = second.finished();

      assertThat(two.exit()).as(two.err()).isZero();
      assertThat(two.err())
          .contains(
              "driver_hourly_stats: another materialization of this view is running (process "
                  + ProcessHandle.current().pid()
                  + " since ",
              "); waiting for it to finish\n")
          .doesNotContain("\tat ", "Exception");
      assertThat(firstResults.get(0).end()).isEqualTo(end);
      assertThat(two.out())
          .as("the second run starts where the first ended")
          .contains("Materialized 5 rows of driver_hourly_stats from " + end + " to " + end);
    } finally {
      thread.shutdownNow();
    }
    assertThat(intervals(repo)).isEqualTo(2);
  }
}
