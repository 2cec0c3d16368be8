package dev.feast.iceberg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress shows rows, rate and time left; a bar on a terminal, throttled lines otherwise. */
class ProgressTest {
  static final long SECOND = 1_000_000_000L;
  final AtomicLong now = new AtomicLong();
  final StringWriter text = new StringWriter();
  final PrintWriter err = new PrintWriter(text, true);

  @Test
  void describesRowsRateAndTimeLeftWhenTheTotalIsKnown() {
    assertThat(Progress.describe("load", 120_000, 260_000, 3 * SECOND))
        .isEqualTo("load  46% 120,000/260,000 rows  40,000 rows/s  00:03 left");
    assertThat(Progress.describe("load", 120_000, Progress.UNKNOWN, 3 * SECOND))
        .isEqualTo("load  120,000 rows  40,000 rows/s  00:03 elapsed");
    assertThat(Progress.summary("load", 260_000, 5 * SECOND))
        .isEqualTo("load  260,000 rows in 00:05 (52,000 rows/s)");
    assertThat(Progress.clock(3_725)).isEqualTo("1:02:05");
  }

  @Test
  void aTerminalGetsOneBarRedrawnInPlace() {
    Progress.Task task = new ProgressBar(err, now::get).start("view", 100);

    now.set(SECOND);
    task.update(50);
    now.set(SECOND + 1_000);
    task.update(60); // too soon to redraw
    now.set(2 * SECOND);
    task.finish(100);

    String start = "[>                       ] view  0% 0/100 rows";
    String first = "[============>           ] view  50% 50/100 rows  50 rows/s  00:01 left";
    String last = "[========================] view  100 rows in 00:02 (50 rows/s)";
    // The last draw blanks out what the longer first one left on the line.
    assertThat(text.toString())
        .isEqualTo(
            "\r"
                + start
                + "\r"
                + first
                + "\r"
                + last
                + " ".repeat(first.length() - last.length())
                + System.lineSeparator());
  }

  @Test
  void logsGetALineAtTheStartEveryFiveSecondsAndAtTheEnd() {
    Progress.Task task = new ProgressLines(err, now::get).start("view", Progress.UNKNOWN);
    for (int second = 1; second <= 12; second++) {
      now.set(second * SECOND);
      task.update(second * 10L);
    }
    task.finish(120);

    assertThat(text.toString().lines())
        .containsExactly(
            "view  started",
            "view  50 rows  10 rows/s  00:05 elapsed",
            "view  100 rows  10 rows/s  00:10 elapsed",
            "view  120 rows in 00:12 (10 rows/s)");
  }

  @Test
  void slowRatesKeepADecimalAndNeverReadAsZero() {
    assertThat(Progress.summary("view", 5, 11 * SECOND))
        .isEqualTo("view  5 rows in 00:11 (0.5 rows/s)");
    assertThat(Progress.describe("view", 5, 12, 11 * SECOND))
        .isEqualTo("view  41% 5/12 rows  0.5 rows/s  00:15 left");
    assertThat(Progress.rate(0.04)).isEqualTo("<0.1 rows/s");
    assertThat(Progress.rate(9.96)).isEqualTo("10.0 rows/s");
    assertThat(Progress.rate(12.4)).isEqualTo("12 rows/s");
  }

  @Test
  void phasesShowTheirOwnElapsedTimeAndTheWritingPhaseItsTotal() {
    Progress.Task task = new ProgressLines(err, now::get).start("view", Progress.UNKNOWN);
    task.phase("reading source");
    now.set(5 * SECOND);
    task.tick();
    now.set(6 * SECOND);
    task.rows("writing", 200);
    now.set(11 * SECOND);
    task.tick();
    task.update(100);
    now.set(16 * SECOND);
    task.update(200);
    task.phase("committing");
    now.set(17 * SECOND);
    task.finish("view  200 rows in 00:17");

    assertThat(text.toString().lines())
        .containsExactly(
            "view  started",
            "view  reading source  00:00",
            "view  reading source  00:05",
            "view  writing  0% 0/200 rows",
            "view  writing  0% 0/200 rows  00:05 elapsed",
            "view  writing  100% 200/200 rows  20 rows/s  00:00 left",
            "view  committing  00:00",
            "view  200 rows in 00:17");
  }

  @Test
  void aLastLineEndsTheBarAndSilencesWhatFollows() {
    ProgressBar bar = new ProgressBar(err, now::get);
    Progress.Task task = bar.start("view", 10);
    bar.last("Interrupted");
    task.update(5);
    task.finish(10);

    assertThat(text.toString())
        .isEqualTo(
            "\r[>                       ] view  0% 0/10 rows"
                + System.lineSeparator()
                + "Interrupted"
                + System.lineSeparator());
  }
}
