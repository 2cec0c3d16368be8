package dev.feast.iceberg.cli;

import static dev.feast.iceberg.cli.CliRun.expectSuccess;
import static dev.feast.iceberg.cli.ProcessTest.feastIceberg;
import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.cli.CliProcess.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code write-offline} run as a process on the example repository, whose source table already
 * holds one row: a file with a row the view cannot use is rejected with one line naming the file,
 * the line (CSV) or row (Parquet), the column and the value, and the table keeps exactly what it
 * held (no snapshot added).
 */
class WriteOfflineProcessTest {
  static final String HEADER =
      "driver_id,event_timestamp,conv_rate,acc_rate,avg_daily_trips,created\n";
  static final String GOOD_ROW = "1001,2026-11-25T10:00:00Z,0.5,0.25,7,2026-11-25T10:01:00Z\n";

  @TempDir static Path dir;
  static Path repo;

  @BeforeAll
  static void applyAndWriteOneRow() throws Exception {
    repo = appliedExample(dir.resolve("repo"));
    Files.writeString(repo.resolve("first.csv"), HEADER + GOOD_ROW);
    expectSuccess(
        CliRun.run(
            repo,
            "write-offline",
            "-v",
            "driver_hourly_stats",
            "-f",
            repo.resolve("first.csv").toString()));
  }

  static Path appliedExample(Path folder) throws Exception {
    Path copy = CliRun.copyExample(folder);
    expectSuccess(CliRun.run(copy, "apply"));
    return copy;
  }

  static Run writeOffline(Path repo, String file, String... options) throws Exception {
    List<String> args =
        new ArrayList<>(List.of("write-offline", "-v", "driver_hourly_stats", "-f", file));
    args.addAll(List.of(options));
    return feastIceberg(repo, args.toArray(String[]::new));
  }

  /** Writes the file, runs write-offline, expects a rejection that left the table as it was. */
  static String rejected(String file, String content) throws Exception {
    Files.writeString(repo.resolve(file), content);
    return rejected(file);
  }

  /** Runs write-offline on a file there is, expecting a rejection that left the table as it was. */
  static String rejected(String file) throws Exception {
    OfflineTable.State before = OfflineTable.state(repo);
    Run run = writeOffline(repo, file);

    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(OfflineTable.state(repo)).as("the table after the rejected write").isEqualTo(before);
    List<String> errors = run.err().lines().filter(line -> line.startsWith("Error: ")).toList();
    assertThat(errors).as(run.err()).hasSize(1);
    return errors.get(0);
  }

  static Map<String, Object> rowOf(long driver) {
    return OfflineTable.state(repo).rows().stream()
        .filter(row -> row.get("driver_id").equals(driver))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row of driver " + driver));
  }

  @Test
  void aFileWithoutTheJoinKeyColumnCreatesNoTableAndNamesTheColumn() throws Exception {
    Path fresh = appliedExample(dir.resolve("fresh"));
    Files.writeString(
        fresh.resolve("nokey.csv"),
        "event_timestamp,conv_rate,acc_rate,avg_daily_trips,created\n"
            + "2026-11-25T10:00:00Z,0.5,0.25,7,2026-11-25T10:01:00Z\n");

    Run run = writeOffline(fresh, "nokey.csv");

    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "Error: nokey.csv has no column 'driver_id' (the join key of feature view"
                + " 'driver_hourly_stats'); its columns are [event_timestamp, conv_rate,"
                + " acc_rate, avg_daily_trips, created]: add it, with a value in every row");
    assertThat(OfflineTable.state(fresh)).as("no table created").isNull();
  }

  @Test
  void aRowWithoutAJoinKeyValueNamesItsLine() throws Exception {
    String error =
        rejected(
            "nullkey.csv",
            HEADER + GOOD_ROW + ",2026-11-25T11:00:00Z,0.5,0.25,7," + "2026-11-25T11:01:00Z\n");

    assertThat(error)
        .isEqualTo(
            "Error: nullkey.csv line 3: column 'driver_id' (the join key of feature view"
                + " 'driver_hourly_stats') is empty; every row needs one: fill it in or drop the"
                + " row");
  }

  @Test
  void everyRowNeedsItsEventAndCreatedTimestamps() throws Exception {
    assertThat(
            rejected(
                "nocreated.csv",
                "driver_id,event_timestamp,conv_rate,acc_rate,avg_daily_trips\n"
                    + "1001,2026-11-25T10:00:00Z,0.5,0.25,7\n"))
        .contains("nocreated.csv has no column 'created' (the created timestamp of feature view");
    assertThat(
            rejected(
                "nulltimes.csv",
                HEADER
                    + GOOD_ROW
                    + "1001,,0.5,0.25,7,2026-11-25T10:01:00Z\n"
                    + "1001,2026-11-25T10:00:00Z,0.5,0.25,7,\n"))
        .isEqualTo(
            "Error: nulltimes.csv line 3: column 'event_timestamp' (the event timestamp of feature"
                + " view 'driver_hourly_stats') is empty; every row needs one: fill it in or drop"
                + " the row (1 more row has errors, the next on line 4)");
  }

  @Test
  void aValueOfTheWrongTypeNamesFileLineColumnValueAndTheFix() throws Exception {
    String error =
        rejected(
            "driver_stats.csv",
            HEADER
                + GOOD_ROW.repeat(5)
                + "1002,2026-11-25T10:00:00Z,0.5,0.25,abc,2026-11-25T10:01:00Z\n"
                + "1003,2026-11-25T10:00:00Z,0.5,0.25,7,2026-11-25T10:01:00Z\n"
                + "1004,2026-11-25T10:00:00Z,high,0.25,7,2026-11-25T10:01:00Z\n");

    assertThat(error)
        .isEqualTo(
            "Error: driver_stats.csv line 7: column 'avg_daily_trips' (Int64): 'abc' is not an"
                + " integer; write whole numbers like 42 (1 more row has errors, the next on line"
                + " 9)");
  }

  @Test
  void epochNumbersAreReadOnlyWithTheirUnit() throws Exception {
    Instant at = Instant.parse("2026-11-25T10:00:00Z");
    Instant created = at.plusSeconds(60);
    String seconds =
        HEADER + "1101," + at.getEpochSecond() + ",0.5,0.25,7," + created.getEpochSecond() + "\n";

    assertThat(rejected("epoch_s.csv", seconds))
        .isEqualTo(
            "Error: epoch_s.csv line 2: column 'event_timestamp' (UnixTimestamp): '"
                + at.getEpochSecond()
                + "' is a number, not a timestamp; pass --epoch-unit s (or ms) to read epoch"
                + " seconds (or milliseconds), or write times like 2026-11-25T10:00:00Z");

    Run run = writeOffline(repo, "epoch_s.csv", "--epoch-unit", "s");
    assertThat(run.exit()).as(run.err()).isZero();

    assertThat(rowOf(1101)).containsEntry("event_timestamp", at).containsEntry("created", created);
  }

  @Test
  void theDocumentedTimestampFormatsAreReadWithProgressOnStderr() throws Exception {
    Files.writeString(
        repo.resolve("formats.csv"),
        HEADER
            + "1201,2026-11-25T12:00:00+02:00,0.5,0.25,7,2026-11-25T10:00:00\n"
            + "1202,2026-11-25 10:00:00.123456,0.5,0.25,7,2026-11-25\n"
            + "1203,2026-11-25T10:00:00.5Z,0.5,0.25,7,2026-11-25 10:00:00+00:00\n");

    Run run = writeOffline(repo, "formats.csv");

    assertThat(run.exit()).as(run.err()).isZero();
    Instant ten = Instant.parse("2026-11-25T10:00:00Z");
    assertThat(rowOf(1201)).containsEntry("event_timestamp", ten).containsEntry("created", ten);
    assertThat(rowOf(1202))
        .containsEntry("event_timestamp", Instant.parse("2026-11-25T10:00:00.123456Z"))
        .containsEntry("created", Instant.parse("2026-11-25T00:00:00Z"));
    assertThat(rowOf(1203))
        .containsEntry("event_timestamp", Instant.parse("2026-11-25T10:00:00.5Z"))
        .containsEntry("created", ten);
    assertThat(run.out()).startsWith("Wrote formats.csv to feast.driver_hourly_stats: 3 rows in");
    assertThat(run.err()).doesNotContain("\r");
    assertThat(run.err().lines())
        .contains(
            "Reading formats.csv  started",
            "Writing to feast.driver_hourly_stats  started, 3 rows to go",
            "Committing to feast.driver_hourly_stats  started")
        .anyMatch(line -> line.startsWith("Reading formats.csv  3 rows in "))
        .anyMatch(line -> line.startsWith("Writing to feast.driver_hourly_stats  3 rows in "))
        .anyMatch(line -> line.startsWith("Committing to feast.driver_hourly_stats  3 rows in "));
  }

  @Test
  void anEmptyFileIsAnErrorAndAHeaderWithoutRowsWritesNothing() throws Exception {
    assertThat(rejected("empty.csv", ""))
        .isEqualTo(
            "Error: empty.csv is empty; write a header line naming the columns (driver_id,"
                + " conv_rate, acc_rate, avg_daily_trips, event_timestamp, created), then one"
                + " line per row");

    Files.writeString(repo.resolve("header.csv"), HEADER);
    OfflineTable.State before = OfflineTable.state(repo);
    Run run = writeOffline(repo, "header.csv");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "header.csv has no rows after its header; nothing written to"
                + " feast.driver_hourly_stats\n");
    assertThat(OfflineTable.state(repo)).isEqualTo(before);
  }

  @Test
  void aRowWithAMissingOrExtraFieldNamesTheLineAndTheCounts() throws Exception {
    assertThat(
            rejected(
                "short.csv",
                HEADER + GOOD_ROW + "1002,2026-11-25T10:00:00Z,0.5,0.25,2026-11-25T10:01:00Z\n"))
        .isEqualTo(
            "Error: short.csv line 3 has 5 fields, the header has 6: a value is missing; an empty"
                + " value still needs its comma");
    assertThat(rejected("long.csv", HEADER + GOOD_ROW.replace(",7,", ",7,8,")))
        .isEqualTo(
            "Error: long.csv line 2 has 7 fields, the header has 6: a value too many; quote"
                + " values that hold a comma (\"1,5\")");
  }

  @Test
  void parquetRowsAreCheckedAlikeAndNamedByRowNumber() throws Exception {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duck.createStatement()) {
      String row =
          " TIMESTAMPTZ '2026-11-25 10:00:00+00' AS event_timestamp, 0.5::FLOAT AS conv_rate,"
              + " 0.25::FLOAT AS acc_rate, TIMESTAMPTZ '2026-11-25 10:01:00+00' AS created";
      statement.execute(
          "COPY (SELECT 7::BIGINT AS avg_daily_trips,"
              + row
              + ") TO '"
              + repo.resolve("nokey.parquet")
              + "' (FORMAT parquet)");
      statement.execute(
          "COPY (SELECT * FROM (VALUES (1001::BIGINT), (NULL)) AS t(driver_id),"
              + " (SELECT 7::BIGINT AS avg_daily_trips,"
              + row
              + ") ORDER BY driver_id) TO '"
              + repo.resolve("nullkey.parquet")
              + "' (FORMAT parquet)");
      statement.execute(
          "COPY (SELECT * FROM (VALUES (1001::BIGINT, '7'), (1002, 'abc')) AS t(driver_id,"
              + " avg_daily_trips), (SELECT"
              + row
              + ") ORDER BY driver_id) TO '"
              + repo.resolve("text.parquet")
              + "' (FORMAT parquet)");
    }

    assertThat(rejected("nokey.parquet"))
        .contains("Error: nokey.parquet has no column 'driver_id' (the join key of feature view");
    assertThat(rejected("nullkey.parquet"))
        .contains(
            "Error: nullkey.parquet row 2: column 'driver_id' (the join key of feature view"
                + " 'driver_hourly_stats') is null");
    assertThat(rejected("text.parquet"))
        .isEqualTo(
            "Error: text.parquet row 2: column 'avg_daily_trips' (Int64): 'abc' is not an"
                + " integer; write whole numbers like 42");
  }
}
