package dev.feast.iceberg.benchmarks.online;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The heap in use after full garbage collections, to measure what a structure really holds: read
 * before and after building it, with the structure still reachable.
 */
final class HeapGauge {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private HeapGauge() {}

  /** Used heap bytes once collections stop freeing more than 1 MB. */
  static long usedAfterGc() {
    long previous = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      System.gc();
      long used = MEMORY.getHeapMemoryUsage().getUsed();
      if (previous - used < (1 << 20)) {
        return used;
      }
      previous = used;
    }
    return previous;
  }
}
