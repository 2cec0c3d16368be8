package dev.feast.iceberg.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/** Plain progress lines for logs: one at the start, one every five seconds, one at the end. */
final class ProgressLines extends Progress {
  static final long INTERVAL_NANOS = 5_000_000_000L;

  ProgressLines(PrintWriter err, LongSupplier nanoTime) {
    super(err, nanoTime);
  }

  @Override
  Task start(String label, long total) {
    long started = nanoTime.getAsLong();
    err.println(label + "  started" + (total > 0 ? String.format(", %,d rows to go", total) : ""));
    err.flush();
    return new Task() {
      private long lastLine = started;

      @Override
      public void update(long done) {
        long now = nanoTime.getAsLong();
        if (now - lastLine >= INTERVAL_NANOS) {
          lastLine = now;
          err.println(Progress.describe(label, done, total, now - started));
          err.flush();
        }
      }

      @Override
      public void finish(long done) {
        err.println(Progress.summary(label, done, nanoTime.getAsLong() - started));
        err.flush();
      }
    };
  }
}
