package dev.feast.iceberg.benchmarks.online;

import java.util.Arrays;

/** Recorded durations of one operation, in nanoseconds, and their percentiles. */
public final class Latencies {
  private final String name;
  private long[] nanos;
  private int count;

  public Latencies(String name, int expected) {
    this.name = name;
    this.nanos = new long[Math.max(16, expected)];
  }

  public void record(long elapsedNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = elapsedNanos;
  }

  public String name() {
    return name;
  }

  public int count() {
    return count;
  }

  /** The {@code p}th percentile (0..100) in milliseconds, nearest rank. */
  public double percentileMs(double p) {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
  }

  public double p50() {
    return percentileMs(50);
  }

  public double p99() {
    return percentileMs(99);
  }

  public double maxMs() {
    return percentileMs(100);
  }
}
