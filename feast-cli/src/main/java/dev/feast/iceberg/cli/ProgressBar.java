package dev.feast.iceberg.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/** A bar redrawn in place with a carriage return, at most ten times a second. */
final class ProgressBar extends Progress {
  private static final int WIDTH = 24;
  private static final long REDRAW_NANOS = 100_000_000L;

  /** The length of the line being drawn, 0 when none is. */
  private int lastLength;

  ProgressBar(PrintWriter err, LongSupplier nanoTime) {
    super(err, nanoTime);
  }

  @Override
  Task start(String label, long total) {
    Tracked task =
        new Tracked(label, total) {
          private long lastDraw = Long.MIN_VALUE;

          @Override
          void show(String text) {
            lastDraw = nanoTime.getAsLong();
            draw(bar(done) + text);
          }

          @Override
          void advance(String text, long now) {
            if (lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS) {
              return;
            }
            lastDraw = now;
            draw(bar(done) + text);
          }

          @Override
          void end(String text) {
            draw(bar(counting && total > 0 ? total : done) + text);
            err.println();
            err.flush();
            lastLength = 0;
          }

          private String bar(long done) {
            if (!counting || total <= 0) {
              return "";
            }
            int filled = (int) Math.min(WIDTH, done * WIDTH / total);
            return "["
                + "=".repeat(filled)
                + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "")
                + "] ";
          }
        };
    // Draw at once: the first rows of a pull may take a while to arrive.
    task.update(0);
    return task;
  }

  private void draw(String text) {
    // Blank out what a longer previous line left behind.
    String padding = " ".repeat(Math.max(0, lastLength - text.length()));
    err.print("\r" + text + padding);
    err.flush();
    lastLength = text.length();
  }

  @Override
  void endLine() {
    if (lastLength > 0) {
      err.println();
      lastLength = 0;
    }
  }
}
