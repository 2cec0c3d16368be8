package dev.feast.iceberg.reliability.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data several times larger than the heap is written in chunks, retrieved as a stream and
 * materialized, in a child JVM with {@code -Xmx128m}: memory stays bounded and nothing throws
 * {@link OutOfMemoryError}.
 */
class LargeBatchTest {
  // About 1.5 million rows of ~120-character strings: ~400 MB as Java objects, 3x the heap.
  static final int ROWS = 1_500_000;
  static final String HEAP = "-Xmx128m";

  @TempDir Path repo;

  @Test
  void dataThreeTimesTheHeapIsRetrievedAndMaterializedWithoutOutOfMemory() throws Exception {
    TestRepos.embedded(repo);
    Path log = repo.resolve("child.log");
    Process child = new ProcessBuilder(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            HEAP, "-XX:+ExitOnOutOfMemoryError",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-cp", System.getProperty("java.class.path"),
            LargeBatchMain.class.getName(), repo.toString(), Integer.toString(ROWS)))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    boolean finished = child.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      child.destroyForcibly();
    }
    String output = read(log);

    assertThat(finished).as("child finished; output:%n%s", output).isTrue();
    assertThat(child.exitValue()).as("exit code; output:%n%s", output).isZero();
    assertThat(output).doesNotContain("OutOfMemoryError").contains("OK rows=" + ROWS);
  }

  private static String read(Path file) throws IOException {
    return new File(file.toString()).exists() ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
