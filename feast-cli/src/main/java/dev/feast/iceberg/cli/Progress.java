package dev.feast.iceberg.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Shows how long tasks advance (rows done, rate, time left when the total is known): a bar redrawn
 * in place when a person watches a terminal, plain lines every few seconds otherwise (logs, CI). A
 * task may go through phases: one that counts no rows ("reading source", "committing") shows its
 * elapsed time, one that counts rows shows them with the rate and time left measured from its
 * start. Progress goes to stderr so stdout stays clean for results. Tasks may be advanced from
 * several threads (a ticker redraws the elapsed time of a long phase).
 */
abstract class Progress {
  /** A total that is not known in advance. */
  static final long UNKNOWN = -1;

  final PrintWriter err;
  final LongSupplier nanoTime;

  /** Guards the output: tasks, ticks and a last word may come from different threads. */
  final Object lock = new Object();

  /** Set by {@link #last}: nothing is shown after it. */
  boolean silenced;

  Progress(PrintWriter err, LongSupplier nanoTime) {
    this.err = err;
    this.nanoTime = nanoTime;
  }

  static Progress create(boolean terminal, PrintWriter err, LongSupplier nanoTime) {
    return terminal ? new ProgressBar(err, nanoTime) : new ProgressLines(err, nanoTime);
  }

  /** Starts a task of {@code total} rows, or {@link #UNKNOWN}. */
  abstract Task start(String label, long total);

  /** Prints a line of its own (a notice), never inside a bar. */
  void line(String text) {
    synchronized (lock) {
      if (!silenced) {
        endLine();
        err.println(text);
        err.flush();
      }
    }
  }

  /** Prints a last line (the process is ending) and shows nothing more. */
  void last(String text) {
    synchronized (lock) {
      endLine();
      err.println(text);
      err.flush();
      silenced = true;
    }
  }

  /** Ends a line a bar is drawn on, so the next text starts on a line of its own. */
  void endLine() {}

  /** One task under way. */
  interface Task {
    /** {@code done} rows are done so far. */
    void update(long done);

    /** The task is over with {@code done} rows. */
    void finish(long done);

    /** A phase that counts no rows begins ("reading source"): its elapsed time is shown. */
    default void phase(String name) {}

    /**
     * A phase that counts rows begins, with {@code total} rows or {@link #UNKNOWN}: rate and time
     * left are measured from here, and {@link #update} counts within it.
     */
    default void rows(String name, long total) {}

    /** Shows the time elapsed when nothing else advanced the task for a while. */
    default void tick() {}

    /** The task is over; its last line is {@code summary}. */
    default void finish(String summary) {}
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
    if (seconds >= 1 && done == 0) {
      // Nothing done yet: the time it has been waiting is what there is to show.
      text.append("  ").append(clock((long) seconds)).append(" elapsed");
    } else if (seconds > 0 && done > 0) {
      double rate = done / seconds;
      text.append("  ").append(rate(rate));
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
    String rate = seconds > 0 ? " (" + rate(done / seconds) + ")" : "";
    return label + String.format("  %,d rows in ", done) + clock(Math.round(seconds)) + rate;
  }

  /**
   * {@code 52,000 rows/s}; below 10 rows a second one decimal ({@code 0.5 rows/s}: 5 rows in 11
   * seconds never reads as 0), below 0.1 {@code <0.1 rows/s}.
   */
  static String rate(double rowsPerSecond) {
    if (rowsPerSecond >= 10) {
      return String.format("%,d rows/s", Math.round(rowsPerSecond));
    } else if (rowsPerSecond >= 0.1) {
      return String.format("%.1f rows/s", rowsPerSecond);
    } else if (rowsPerSecond > 0) {
      return "<0.1 rows/s";
    }
    return "0 rows/s";
  }

  /** {@code mm:ss}, or {@code h:mm:ss} past an hour. */
  static String clock(long seconds) {
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    long s = seconds % 60;
    return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%02d:%02d", m, s);
  }

  /**
   * A task's state and its text; subclasses decide how text is shown: {@link #show} for a change
   * worth a line of its own (a new phase), {@link #advance} for a mere advance (throttled).
   */
  abstract class Tracked implements Task {
    final String label;
    final long started;
    long total;
    long done;

    /** The current phase, or null before any. */
    String phase;

    boolean counting;
    long phaseStarted;

    Tracked(String label, long total) {
      this.label = label;
      this.total = total;
      this.started = nanoTime.getAsLong();
      this.phaseStarted = started;
      this.counting = true;
    }

    /** Shows text that starts something new. */
    abstract void show(String text);

    /** Shows text that only advances what is shown; may skip it. */
    abstract void advance(String text, long now);

    /** Shows the last text of the task. */
    abstract void end(String text);

    /** The current state as text, at {@code now}. */
    String text(long now) {
      if (!counting) {
        return label + "  " + phase + "  " + clock((now - phaseStarted) / 1_000_000_000L);
      }
      String name = phase == null ? label : label + "  " + phase;
      return describe(name, done, total, now - phaseStarted);
    }

    @Override
    public void update(long done) {
      synchronized (lock) {
        this.done = done;
        if (!silenced) {
          long now = nanoTime.getAsLong();
          advance(text(now), now);
        }
      }
    }

    @Override
    public void tick() {
      synchronized (lock) {
        if (!silenced) {
          long now = nanoTime.getAsLong();
          advance(text(now), now);
        }
      }
    }

    @Override
    public void phase(String name) {
      begin(name, false, UNKNOWN);
    }

    @Override
    public void rows(String name, long total) {
      begin(name, true, total);
    }

    private void begin(String name, boolean counting, long total) {
      synchronized (lock) {
        this.phase = name;
        this.counting = counting;
        this.total = total;
        this.done = 0;
        this.phaseStarted = nanoTime.getAsLong();
        if (!silenced) {
          show(text(phaseStarted));
        }
      }
    }

    @Override
    public void finish(long done) {
      finish(summary(label, done, nanoTime.getAsLong() - started));
    }

    @Override
    public void finish(String summary) {
      synchronized (lock) {
        if (!silenced) {
          end(summary);
        }
      }
    }
  }
}
