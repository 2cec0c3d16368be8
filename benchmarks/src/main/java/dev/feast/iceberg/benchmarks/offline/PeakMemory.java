package dev.feast.iceberg.benchmarks.offline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's peak resident memory (Linux {@code VmHWM}), JVM and DuckDB together. */
final class PeakMemory {
  private PeakMemory() {}

  /** Megabytes, or -1 where {@code /proc/self/status} is missing. */
  static long residentPeakMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
