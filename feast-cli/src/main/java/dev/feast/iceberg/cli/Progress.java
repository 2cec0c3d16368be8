package dev.feast.iceberg.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Shows how long tasks advance (rows done, rate, time left when the total is known): a bar redrawn
 * in place when a person watches a terminal, plain lines every few seconds otherwise (logs, CI).
 * Progress goes to stderr so stdout stays clean for results.
 */
abstract class Progress {
  /** A total that is not known in advance. */
  static final long UNKNOWN = -1;

  final PrintWriter err;
  final LongSupplier nanoTime;

  Progress(PrintWriter err, LongSupplier nanoTime) {
    this.err = err;
    this.nanoTime = nanoTime;
  }

  static Progress create(boolean terminal, PrintWriter err, LongSupplier nanoTime) {
    return terminal ? new ProgressBar(err, nanoTime) : new ProgressLines(err, nanoTime);
  }

  /** Starts a task of {@code total} rows, or {@link #UNKNOWN}. */
  abstract Task start(String label, long total);

  /** One task under way. */
  interface Task {
    /** {@code done} rows are done so far. */
    void update(long done);

    /** The task is over with {@code done} rows. */
    void finish(long done);
  }

  /**
   * {@code label 45% 120,000/260,000 rows 50,000 rows/s 00:03 left}, or elapsed when the total is
   * unknown.
   */
  static String describe(String label, long done, long total, long elapsedNanos) {
    double seconds = elapsedNanos / 1e9;
    StringBuilder text = new StringBuilder(label).append("  ");
    if (total > 0) {
      text.append(Math.min(100, done * 100 / total)).append("% ");
      text.append(String.format("%,d/%,d rows", done, total));
    } else {
      text.append(String.format("%,d rows", done));
    }
    if (seconds > 0 && done > 0) {
      double rate = done / seconds;
      text.append(String.format("  %,d rows/s", Math.round(rate)));
      if (total > 0) {
        text.append("  ")
            .append(clock((long) ((total - Math.min(done, total)) / rate)))
            .append(" left");
      } else {
        text.append("  ").append(clock((long) seconds)).append(" elapsed");
      }
    }
    return text.toString();
  }

  /** {@code label 260,000 rows in 00:05 (52,000 rows/s)}. */
  static String summary(String label, long done, long elapsedNanos) {
    double seconds = elapsedNanos / 1e9;
    String rate = seconds > 0 ? String.format(" (%,d rows/s)", Math.round(done / seconds)) : "";
    return label + String.format("  %,d rows in ", done) + clock(Math.round(seconds)) + rate;
  }

  /** {@code mm:ss}, or {@code h:mm:ss} past an hour. */
  static String clock(long seconds) {
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    long s = seconds % 60;
    return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%02d:%02d", m, s);
  }
}
