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
}
