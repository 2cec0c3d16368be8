package dev.feast.iceberg.reliability.input;

import static org.assertj.core.api.Assertions.assertThat;

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
 * materialized, in a child JVM with {@code -Xmx64m}: memory stays bounded and nothing throws {@link
 * OutOfMemoryError}.
 *
 * <p>The online store keeps a view in memory unless {@code serving_memory_budget_mb} caps it (0,
 * the default, sets no limit), so the repository sets a budget, as docs/reliability.md tells users
 * with views larger than their heap to do; materialization writes in batches of {@code
 * materialization.batch_size} rows.
 */
class LargeBatchTest {
  // 600,000 rows with ~200-character strings: ~200 MB as Java objects, 3x the heap.
  static final int ROWS = 600_000;
  static final String HEAP = "-Xmx64m";

  @TempDir Path repo;

  @Test
  void dataThreeTimesTheHeapIsRetrievedAndMaterializedWithoutOutOfMemory() throws Exception {
    TestRepos.withYaml(
        repo,
        TestRepos.EMBEDDED
            .replace(
                "provider: local\n", "provider: local\nmaterialization:\n  batch_size: 20000\n")
            .replace(
                "  namespace: feast_online\n",
                "  namespace: feast_online\n  serving_memory_budget_mb: 16\n"));
    Path log = repo.resolve("child.log");
    Process child =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    HEAP,
                    "-XX:+ExitOnOutOfMemoryError",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-cp",
                    System.getProperty("java.class.path"),
                    LargeBatchMain.class.getName(),
                    repo.toString(),
                    Integer.toString(ROWS)))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = child.waitFor(3, TimeUnit.MINUTES);
    if (!finished) {
      child.destroyForcibly();
    }
    String output = read(log);

    assertThat(finished).as("child finished; output:%n%s", output).isTrue();
    assertThat(child.exitValue()).as("exit code; output:%n%s", output).isZero();
    assertThat(output)
        .doesNotContain("OutOfMemoryError")
        .contains("OK rows=" + ROWS + " retrieved=" + ROWS + " materialized=" + ROWS);
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
