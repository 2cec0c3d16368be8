package dev.feast.iceberg.reliability.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import dev.feast.iceberg.catalog.jdbc.JdbcCatalogProviderFactory;
import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.core.RepoCheck;
import dev.feast.iceberg.core.config.RepoConfigLoader;
import dev.feast.iceberg.core.plugin.Plugins;
import dev.feast.iceberg.offline.IcebergOfflineStoreConfig;
import dev.feast.iceberg.reliability.input.TestRepos;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret from configuration appears in logs (at debug level), exception messages and stack
 * traces (including a catalog that cannot be reached) or the toString of configurations and stores.
 */
class SecretsTest {
  @TempDir Path dir;

  private static void assertNoSecret(String text) {
    for (String secret : Secrets.ALL) {
      assertThat(text).as("text holding secret %s", secret).doesNotContain(secret);
    }
  }

  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  @Test
  void toStringOfConfigurationAndStoresHidesSecrets() {
    try (FeatureStore store =
        FeatureStore.open(TestRepos.withYaml(dir, Secrets.EMBEDDED_WITH_SECRETS))) {
      String printed =
          String.join(
              "\n",
              store.config().toString(),
              store.config().offlineStore().toString(),
              store.config().onlineStore().toString(),
              store.offlineStore().toString(),
              store.onlineStore().toString());

      assertNoSecret(printed);
      assertThat(printed).contains("offline_store", "online_store");
    }
  }

  @Test
  void theBoundCatalogHidesExactlyTheKeysItsPluginDeclares() {
    RepoCheck.Stores stores =
        RepoCheck.check(
            RepoConfigLoader.load(TestRepos.withYaml(dir, Secrets.EMBEDDED_WITH_SECRETS)),
            Plugins.discover());
    IcebergOfflineStoreConfig offline = (IcebergOfflineStoreConfig) stores.offline().config();

    assertThat(offline.catalog().secretKeys())
        .isEqualTo(new JdbcCatalogProviderFactory().secretKeys())
        .contains("jdbc.password", "s3.secret-access-key", "s3.session-token");
    // The store's own record prints its catalog: the declared values hidden, the others readable.
    assertThat(offline.toString())
        .contains("uri=jdbc:sqlite:data/catalog.db", "jdbc.password=****")
        .contains("s3.secret-access-key=****", "s3.session-token=****");
    assertNoSecret(offline.toString());
    assertNoSecret(stores.online().config().toString());
  }

  @Test
  void anUnreachablePostgresCatalogFailsWithoutItsPasswords() {
    Throwable e =
        catchThrowable(
            () -> FeatureStore.open(TestRepos.withYaml(dir, Secrets.UNREACHABLE_POSTGRES)));

    assertThat(e).isNotNull().hasMessageContaining("127.0.0.1:1");
    assertNoSecret(stackTrace(e));
  }

  @Test
  void anUnreachableRestCatalogFailsWithoutItsTokenOrCredential() {
    Throwable e =
        catchThrowable(() -> FeatureStore.open(TestRepos.withYaml(dir, Secrets.UNREACHABLE_REST)));

    assertThat(e).isNotNull().hasMessageContaining("127.0.0.1:1");
    assertNoSecret(stackTrace(e));
  }

  @Test
  void aRestServerThatEchoesTheTokenInItsErrorDoesNotLeakIt() throws Exception {
    Throwable e = openAgainstAnEchoingServer("token");

    assertThat(e).isNotNull().hasMessageContaining("Not authorized").hasMessageContaining("****");
    assertNoSecret(stackTrace(e));
  }

  @Test
  void aRestServerThatEchoesTheOAuthRequestDoesNotLeakTheClientSecret() throws Exception {
    // The client sends client_id:client_secret as an OAuth form; the server repeats the body.
    Throwable e = openAgainstAnEchoingServer("credential");

    assertThat(e).isNotNull();
    assertNoSecret(stackTrace(e));
  }

  /** Opens a store whose REST catalog answers 401 repeating the request; keeps one secret key. */
  private Throwable openAgainstAnEchoingServer(String keptSecretKey) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          // A hostile or careless server: its error repeats what the client sent.
          String body =
              "{\"error\":{\"message\":\"rejected "
                  + exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization")
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                      .replace('"', ' ')
                  + "\",\"type\":\"NotAuthorizedException\",\"code\":401}}";
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(401, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    try {
      String yaml =
          Secrets.UNREACHABLE_REST.replace(
              "http://127.0.0.1:1/catalog",
              "http://127.0.0.1:" + server.getAddress().getPort() + "/catalog");
      String dropped = keptSecretKey.equals("token") ? "credential" : "token";
      String oneSecret = yaml.replaceAll("(?m)^ *" + dropped + ": .*\\n", "");
      return catchThrowable(() -> FeatureStore.open(TestRepos.withYaml(dir, oneSecret)));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void debugLogsOfAWholeLifecycleAndOfFailedConnectionsHoldNoSecret() throws Exception {
    // A child JVM, so that slf4j-simple starts at debug level whatever ran before in this JVM.
    Path log = dir.resolve("child.log");
    Process child =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
                    "-cp",
                    System.getProperty("java.class.path"),
                    SecretsLogMain.class.getName(),
                    dir.resolve("a").toString(),
                    dir.resolve("b").toString(),
                    dir.resolve("c").toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = child.waitFor(2, TimeUnit.MINUTES);
    if (!finished) {
      child.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);

    assertThat(finished).as("child finished; output:%n%s", output).isTrue();
    assertThat(output)
        .as("the child ran to the end at debug level")
        .contains("DONE", "DEBUG", "failed as expected");
    assertNoSecret(output);
  }
}
