package dev.feast.iceberg.server;

import dev.feast.iceberg.core.FeatureStore;
import java.nio.file.Path;

/**
 * {@code java ServeMain <repo>}: serves a repository on a free port until SIGTERM, as serve does.
 */
public final class ServeMain {
  private ServeMain() {}

  public static void main(String[] args) throws Exception {
    FeatureServer server =
        FeatureServer.start(
                FeatureStore.open(Path.of(args[0])),
                ServerOptions.defaults().withAddress("127.0.0.1", 0))
            .stopOnShutdown();
    System.err.println("serving on port " + server.port());
    server.awaitStopped();
  }
}
