package dev.feast.iceberg.cli;

import static dev.feast.iceberg.cli.CliRun.END;
import static dev.feast.iceberg.cli.CliRun.expectSuccess;
import static dev.feast.iceberg.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code maintain} says per view what it left out: nothing to compact, or no gc allowed. */
class MaintainTest {
  private static final String HEADER =
      "VIEW +FILES REWRITTEN +FILES WRITTEN +EXPIRED ROWS DELETED +SNAPSHOTS EXPIRED +NOTES\n";

  @TempDir Path dir;

  @Test
  void aSecondRunRightAfterTheFirstSaysNothingNeededCompaction() throws Exception {
    Path repo = CliRun.loadedExample(dir.resolve("repo"));
    materializeInTwoCommits(repo);

    String first = expectSuccess(run(repo, "maintain")).out();
    String second = expectSuccess(run(repo, "maintain")).out();

    assertThat(first).containsPattern(HEADER).containsPattern("driver_hourly_stats +[1-9]\\d* +");
    assertThat(first).doesNotContain("nothing needed compaction");
    assertThat(second)
        .containsPattern(HEADER)
        .containsPattern("driver_hourly_stats +0 +0 +0 +0 +nothing needed compaction\n");
  }

  @Test
  void aTableWithGcDisabledIsCompactedAndTheReportSaysExpiryWasSkipped() throws Exception {
    Path repo = CliRun.loadedExample(dir.resolve("repo"));
    expectSuccess(
        run(
            repo,
            "materialize",
            END.minus(Duration.ofDays(2)).toString(),
            END.minus(Duration.ofHours(1)).toString()));
    disableGc(repo, "feast_online", "driver_ranking_driver_hourly_stats");
    expectSuccess(
        run(repo, "materialize", END.minus(Duration.ofHours(1)).toString(), END.toString()));

    CliRun.Result result = run(repo, "maintain");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out())
        .containsPattern(
            "driver_hourly_stats +[1-9]\\d* +[1-9]\\d* +0 +0 +snapshot expiry and orphan removal"
                + " skipped: table has gc.enabled=false\n");
  }

  /** Two materializations: each key of the online table gets rows from two commits. */
  private static void materializeInTwoCommits(Path repo) {
    Duration hour = Duration.ofHours(1);
    expectSuccess(
        run(
            repo,
            "materialize",
            END.minus(Duration.ofDays(2)).toString(),
            END.minus(hour).toString()));
    expectSuccess(run(repo, "materialize", END.minus(hour).toString(), END.toString()));
  }

  /** What some REST catalogs set on every table they create. */
  private static void disableGc(Path repo, String namespace, String table) throws Exception {
    Catalog catalog =
        CatalogUtil.loadCatalog(
            "org.apache.iceberg.jdbc.JdbcCatalog",
            "feast",
            Map.of(
                "uri",
                "jdbc:sqlite:" + repo.resolve("data/catalog.db"),
                "warehouse",
                repo.resolve("data/warehouse").toString(),
                "jdbc.schema-version",
                "V1"),
            new Configuration());
    try {
      catalog
          .loadTable(TableIdentifier.of(namespace, table))
          .updateProperties()
          .set("gc.enabled", "false")
          .commit();
    } finally {
      if (catalog instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }
}
