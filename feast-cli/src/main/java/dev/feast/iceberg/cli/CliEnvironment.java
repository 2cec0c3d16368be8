package dev.feast.iceberg.cli;

import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * What the CLI takes from the world: whether a person watches a terminal (progress bars) or output
 * goes to a file or pipe (progress lines), the clock for {@code now}, and a nanosecond timer for
 * rates. Tests supply their own.
 *
 * @param terminal whether stdout is a terminal
 * @param clock the clock
 * @param nanoTime a monotonic timer
 */
record CliEnvironment(boolean terminal, Clock clock, LongSupplier nanoTime) {
  /** The real terminal, clock and timer. */
  static CliEnvironment system() {
    return new CliEnvironment(System.console() != null, Clock.systemUTC(), System::nanoTime);
  }
}
