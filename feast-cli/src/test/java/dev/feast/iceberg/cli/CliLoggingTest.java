package dev.feast.iceberg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A library warning with an exception is one line; --verbose adds its stack trace. */
class CliLoggingTest {

  private static String stderrOf(String... args) throws Exception {
    List<String> command = CliProcess.java(LoggedRetryMain.class, args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    return output;
  }

  @Test
  void aRetryWarningIsOneLineWithoutVerbose() throws Exception {
    assertThat(stderrOf().lines())
        .containsExactly(
            "[WARN] Retrying task after failure: sleepTimeMs=109 Cannot commit feast_online.stats:"
                + " metadata location a.metadata.json has changed (--verbose shows the stack"
                + " trace)",
            "[WARN] scheduled maintenance of view stats failed: x (--verbose shows the stack"
                + " trace)");
  }

  @Test
  void verboseShowsTheStackTrace() throws Exception {
    String output = stderrOf("--verbose");
    assertThat(output)
        .contains(
            "[WARN] Retrying task after failure: sleepTimeMs=109 Cannot commit",
            "org.apache.iceberg.exceptions.CommitFailedException: Cannot commit",
            "\tat dev.feast.iceberg.cli.LoggedRetryMain.main");
  }
}
