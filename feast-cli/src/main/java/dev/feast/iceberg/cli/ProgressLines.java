package dev.feast.iceberg.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Plain progress lines for logs: one at the start, one per phase, one every five seconds, one at
 * the end.
 */
final class ProgressLines extends Progress {
  static final long INTERVAL_NANOS = 5_000_000_000L;

  ProgressLines(PrintWriter err, LongSupplier nanoTime) {
    super(err, nanoTime);
  }

  @Override
  Task start(String label, long total) {
    Tracked task =
        new Tracked(label, total) {
          private long lastLine = started;

          @Override
          void show(String text) {
            lastLine = nanoTime.getAsLong();
            print(text);
          }

          @Override
          void advance(String text, long now) {
            if (now - lastLine >= INTERVAL_NANOS) {
              lastLine = now;
              print(text);
            }
          }

          @Override
          void end(String text) {
            print(text);
          }
        };
    print(label + "  started" + (total > 0 ? String.format(", %,d rows to go", total) : ""));
    return task;
  }

  private void print(String text) {
    synchronized (lock) {
      if (!silenced) {
        err.println(text);
        err.flush();
      }
    }
  }
}
