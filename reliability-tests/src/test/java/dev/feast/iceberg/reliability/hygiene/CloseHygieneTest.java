package dev.feast.iceberg.reliability.hygiene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.reliability.input.TestRepos;
import dev.feast.iceberg.spi.offline.RetrievalJob;
import dev.feast.iceberg.spi.offline.RowStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After {@link FeatureStore#close()} no thread the stores started is left, no DuckDB database is
 * open (jobs the user forgot are closed too) and no temp file is left behind.
 */
class CloseHygieneTest {
  @TempDir Path dir;

  private static Set<Thread> liveThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> !jvmWide(t))
        .collect(Collectors.toSet());
  }

  /**
   * Threads that belong to the JVM, not to a store: the common fork-join pool (used by parallel
   * streams, it idles out on its own) and reference handlers/cleaners of the JDK.
   */
  private static boolean jvmWide(Thread thread) {
    String name = thread.getName();
    return name.startsWith("ForkJoinPool.commonPool-")
        || name.equals("Common-Cleaner")
        || name.equals("process reaper")
        || name.equals("Attach Listener");
  }

  private static Set<String> names(Set<Thread> threads) {
    return threads.stream()
        .map(t -> t.getName() + " (" + t.getClass().getName() + ")")
        .collect(Collectors.toSet());
  }

  @Test
  void noThreadStartedByTheStoresOutlivesClose() throws Exception {
    // A first store loads the JVM-wide singletons (Hadoop's statistics cleaner, drivers' timers),
    // which start once per JVM and are not a store's to stop; the second must add nothing.
    try (FeatureStore warmUp =
        FeatureStore.open(
            TestRepos.withYaml(dir.resolve("a"), Lifecycle.yaml(dir.resolve("spill-a"))))) {
      Lifecycle.run(warmUp);
    }
    Set<Thread> before = liveThreads();

    Set<Thread> during;
    try (FeatureStore store =
        FeatureStore.open(
            TestRepos.withYaml(dir.resolve("b"), Lifecycle.yaml(dir.resolve("spill-b"))))) {
      Lifecycle.run(store);
      during = liveThreads();
    }
    Set<Thread> left = liveThreads();
    left.removeAll(before);

    assertThat(names(during))
        .as("the stores start threads while open")
        .anyMatch(
            name -> !before.stream().map(Thread::getName).toList().contains(name.split(" ")[0]));
    assertThat(names(left))
        .as("threads started by the store and still alive after close")
        .isEmpty();
  }

  @Test
  void closeClosesJobsAndStreamsTheUserLeftOpen() {
    RetrievalJob abandoned;
    RowStream stream;
    try (FeatureStore store =
        FeatureStore.open(TestRepos.withYaml(dir, Lifecycle.yaml(dir.resolve("spill"))))) {
      abandoned = Lifecycle.run(store);
      stream = abandoned.rows();
      stream.next();
      assertThat(stream.hasNext()).isTrue();
    }

    assertThat(stream.hasNext()).as("a stream of the closed store has no more rows").isFalse();
    assertThatThrownBy(abandoned::rows)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void noTempFileIsLeftInTheTempFolderOrTheDuckDbSpillFolder() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("java-tmp"));
    Path spill = Files.createDirectories(dir.resolve("duckdb-spill"));
    Path log = dir.resolve("child.log");
    Process child =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.io.tmpdir=" + tmp,
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-cp",
                    System.getProperty("java.class.path"),
                    HygieneMain.class.getName(),
                    dir.resolve("repo").toString(),
                    spill.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = child.waitFor(2, TimeUnit.MINUTES);
    if (!finished) {
      child.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);

    assertThat(finished).as("child finished; output:%n%s", output).isTrue();
    assertThat(output).contains("OK");
    assertThat(files(tmp)).as("files left in java.io.tmpdir").isEmpty();
    assertThat(files(spill)).as("files left in DuckDB's temp_directory").isEmpty();
  }

  private static List<String> files(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).map(Path::toString).toList();
    }
  }
}
