package dev.feast.iceberg.reliability.concurrency;

import dev.feast.iceberg.core.FeatureStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A writer in its own JVM: opens the repository, prints {@code ready}, waits for {@code go} on
 * stdin (so that every writer starts together), runs {@link Workload#run} and prints {@code done}.
 * Arguments: the repository folder and the writer number.
 */
public final class WriterProcess {
  private WriterProcess() {}

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args[0]);
    int writer = Integer.parseInt(args[1]);
    try (FeatureStore store = FeatureStore.open(repo)) {
      System.out.println("ready");
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = in.readLine();
      if (!"go".equals(line)) {
        throw new IllegalStateException("expected 'go' on stdin, got " + line);
      }
      Workload.run(store, writer);
    }
    System.out.println("done");
  }
}
