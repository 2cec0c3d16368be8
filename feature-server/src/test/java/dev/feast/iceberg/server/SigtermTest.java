package dev.feast.iceberg.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.core.FeatureStore;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a serving process: the request in flight finishes with its answer, then the stores
 * close, then the process exits. The process is real (a child JVM); its store holds the request
 * until the test writes a line to the child's stdin.
 */
class SigtermTest {
  @TempDir Path dir;
  private final StringBuilder err = new StringBuilder();

  @Test
  void aRequestInFlightFinishesBeforeTheStoresClose() throws Exception {
    Path repo = TestRepo.create(dir.resolve("repo"), "").resolve("feature_store.yaml");
    java.nio.file.Files.writeString(
        repo,
        java.nio.file.Files.readString(repo)
            .replace(
                "online_store:\n  type: iceberg\n  catalog: *catalog\n",
                "online_store:\n  type: gated-test\n"));
    try (FeatureStore store = FeatureStore.open(repo.getParent())) {
      store.apply(TestRepo.DRIVER, TestRepo.DRIVER_STATS);
    }
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ServeMain.class.getName(),
                repo.getParent().toString())
            .start();
    try {
      Thread reader = new Thread(() -> readErr(child), "child stderr");
      reader.setDaemon(true);
      reader.start();
      Matcher port =
          Pattern.compile("serving on port (\\d+)").matcher(awaitErr("serving on port \\d+"));
      assertThat(port.find()).isTrue();

      CompletableFuture<HttpResponse<String>> inFlight =
          HttpClient.newHttpClient()
              .sendAsync(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + port.group(1) + "/get-online-features"))
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"features\": [\"driver_stats:trips\"],"
                                  + " \"entities\": {\"driver_id\": [1001]}}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      awaitErr("gated read started");
      // SIGTERM through the handle: Process.destroy() would also close the pipes to the child.
      child.toHandle().destroy();
      try {
        awaitErr("Stopping");
      } catch (AssertionError e) {
        throw new AssertionError("exit " + child.waitFor() + ": " + e.getMessage(), e);
      }
      OutputStream stdin = child.getOutputStream();
      stdin.write("go\n".getBytes(StandardCharsets.UTF_8));
      stdin.flush();

      HttpResponse<String> answer = inFlight.get(2, TimeUnit.MINUTES);
      assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
      reader.join();
      String log = errText();
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(answer.body()).contains("\"statuses\":[\"NOT_FOUND\"]");
      assertThat(log.indexOf("gated read finished"))
          .isPositive()
          .isLessThan(log.indexOf("gated store closed"));
      assertThat(child.exitValue()).isEqualTo(143);
    } finally {
      child.destroyForcibly();
    }
  }

  private void readErr(Process child) {
    try (Reader in = new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8)) {
      char[] buffer = new char[4096];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        synchronized (err) {
          err.append(buffer, 0, n);
          err.notifyAll();
        }
      }
    } catch (IOException e) {
      // the child ended
    } finally {
      synchronized (err) {
        err.append('\u0000');
        err.notifyAll();
      }
    }
  }

  private String errText() {
    synchronized (err) {
      return err.toString();
    }
  }

  /** Waits until the child's stderr matches; fails when stderr ends first or after 2 minutes. */
  private String awaitErr(String regex) throws InterruptedException {
    Pattern pattern = Pattern.compile(regex);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    synchronized (err) {
      while (!pattern.matcher(err).find()) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0 || err.indexOf("\u0000") >= 0) {
          throw new AssertionError("stderr never showed " + regex + ":\n" + err);
        }
        err.wait(left);
      }
      return err.toString();
    }
  }
}
