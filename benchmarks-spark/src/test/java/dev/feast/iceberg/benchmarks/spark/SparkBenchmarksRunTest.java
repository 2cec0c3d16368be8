package dev.feast.iceberg.benchmarks.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/benchmark-spark} and {@code bin/benchmark-materialize} run to their figures on this
 * module's class path, at a tiny size: Spark, DuckDB and the stores share one JVM here, and a
 * library one of them needs in another version (Servlet 5 for Spark's UI and metrics) breaks the
 * command at start, not in any other module's tests.
 */
class SparkBenchmarksRunTest {
  @Test
  void sparkBenchmarkPrintsItsRatios(@TempDir Path dir) throws Exception {
    String out =
        printed(
            () ->
                SparkBenchmark.main(
                    new String[] {
                      "--entities", "50",
                      "--hours", "20",
                      "--entity-rows", "500",
                      "--views", "2",
                      "--repeat", "1",
                      "--partitions", "2",
                      "--master", "local[2]",
                      "--dir", dir.toString()
                    }));
    assertThat(out)
        .contains("(a) Spark store", "(b) Feast approach on Spark", "(c) DuckDB store")
        .containsPattern("a/b = \\d+\\.\\d\\d \\(target >= 5\\)")
        .containsPattern("a/c = \\d+\\.\\d\\d")
        .containsPattern("driver heap peak while \\(a\\) writes its table: \\d+ MB");
  }

  @Test
  void sparkBenchmarkRunsOnAStandaloneCluster(@TempDir Path dir) throws Exception {
    String out =
        printed(
            () ->
                SparkBenchmark.main(
                    new String[] {
                      "--entities", "20",
                      "--hours", "10",
                      "--entity-rows", "100",
                      "--views", "1",
                      "--repeat", "1",
                      "--partitions", "2",
                      "--cluster", "1",
                      "--executor-memory", "512m",
                      "--dir", dir.toString()
                    }));
    assertThat(out)
        .contains("master spark://127.0.0.1:")
        .containsPattern("a/b = \\d+\\.\\d\\d")
        .doesNotContain("local mode");
  }

  @Test
  void materializationBenchmarkPrintsBothEngines() throws Exception {
    String out = printed(() -> MaterializationBenchmark.main(new String[] {"2000", "500"}));
    assertThat(out)
        .contains("local (in-process)", "spark (local[*])")
        .containsPattern("spark/local = \\d+\\.\\d\\dx");
  }

  private interface Main {
    void run() throws Exception;
  }

  private static String printed(Main main) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      main.run();
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    original.print(out);
    return out;
  }
}
