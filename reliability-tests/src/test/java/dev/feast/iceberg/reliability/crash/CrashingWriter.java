package dev.feast.iceberg.reliability.crash;

import dev.feast.iceberg.core.FeatureStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A writer JVM for the crash tests: runs {@link CrashWorkload} steps {@code first .. last},
 * maintaining every {@code maintainEvery}-th step, printing each part on stdout so that the test
 * can kill it at a chosen point. A shutdown hook leaves a marker file: after SIGKILL it must be
 * absent (no hook, no cleanup ran). Arguments: repository, first, last, maintainEvery.
 */
public final class CrashingWriter {
  static final String HOOK_MARKER = "shutdown-hook-ran";

  private CrashingWriter() {}

  public static void main(String[] args) {
    Path repo = Path.of(args[0]);
    int first = Integer.parseInt(args[1]);
    int last = Integer.parseInt(args[2]);
    int maintainEvery = Integer.parseInt(args[3]);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    Files.writeString(repo.resolve(HOOK_MARKER), "ran");
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }));
    try (FeatureStore store = FeatureStore.open(repo)) {
      System.out.println("opened");
      for (int i = first; i <= last; i++) {
        boolean maintain = maintainEvery > 0 && (i + 1) % maintainEvery == 0;
        CrashWorkload.step(
            store,
            i,
            maintain,
            line -> {
              System.out.println(line);
              System.out.flush();
            });
      }
    }
    System.out.println("done");
  }
}
