package dev.feast.iceberg.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/** A bar redrawn in place with a carriage return, at most ten times a second. */
final class ProgressBar extends Progress {
  private static final int WIDTH = 24;
  private static final long REDRAW_NANOS = 100_000_000L;

  ProgressBar(PrintWriter err, LongSupplier nanoTime) {
    super(err, nanoTime);
  }

  @Override
  Task start(String label, long total) {
    long started = nanoTime.getAsLong();
    Task task =
        new Task() {
          private long lastDraw = Long.MIN_VALUE;
          private int lastLength;

          @Override
          public void update(long done) {
            long now = nanoTime.getAsLong();
            if (lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS) {
              return;
            }
            lastDraw = now;
            draw(bar(done) + Progress.describe(label, done, total, now - started));
          }

          @Override
          public void finish(long done) {
            draw(
                bar(total > 0 ? total : done)
                    + Progress.summary(label, done, nanoTime.getAsLong() - started));
            err.println();
            err.flush();
          }

          private String bar(long done) {
            if (total <= 0) {
              return "";
            }
            int filled = (int) Math.min(WIDTH, done * WIDTH / total);
            return "["
                + "=".repeat(filled)
                + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "")
                + "] ";
          }

          private void draw(String text) {
            // Blank out what a longer previous line left behind.
            String padding = " ".repeat(Math.max(0, lastLength - text.length()));
            err.print("\r" + text + padding);
            err.flush();
            lastLength = text.length();
          }
        };
    // Draw at once: the first rows of a pull may take a while to arrive.
    task.update(0);
    return task;
  }
}
