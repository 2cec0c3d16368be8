package dev.feast.iceberg.benchmarks.online;

import java.lang.management.ManagementFactory;

/**
 * This JVM's CPU time: a figure that, unlike wall time, does not grow when others share the cores.
 */
final class Cpu {
  private Cpu() {}

  static long processNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}
