package dev.feast.iceberg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feast.iceberg.core.FeatureStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shutdown hook and {@code close()} often both stop a server: the later call must not return
 * while the first is still closing the stores, or its caller would delete what they still use.
 */
class StopTest {
  @TempDir Path dir;

  @Test
  void aSecondStopReturnsOnlyOnceTheFirstHasClosedTheStores() throws Exception {
    Path yaml = TestRepo.create(dir.resolve("repo"), "").resolve("feature_store.yaml");
    Files.writeString(
        yaml,
        Files.readString(yaml)
            .replace(
                "online_store:\n  type: iceberg\n  catalog: *catalog\n",
                "online_store:\n  type: close-gated-test\n"));
    CloseGatedStoreFactory.reset();
    FeatureServer server =
        FeatureServer.start(
            FeatureStore.open(yaml.getParent()),
            ServerOptions.defaults().withAddress("127.0.0.1", 0));
    CompletableFuture<Void> first = CompletableFuture.runAsync(server::stop);
    assertThat(CloseGatedStoreFactory.closing.await(30, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> second = CompletableFuture.runAsync(server::stop);
    assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS))
        .isInstanceOf(TimeoutException.class);

    CloseGatedStoreFactory.release.countDown();
    second.get(30, TimeUnit.SECONDS);
    first.get(30, TimeUnit.SECONDS);
  }
}
