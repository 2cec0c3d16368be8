package dev.feast.iceberg.cli;

import dev.feast.iceberg.core.FeatureStore;
import dev.feast.iceberg.server.FeatureServer;
import dev.feast.iceberg.server.ServerOptions;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serve}: Feast's feature server over the repository (HTTP and JSON, Feast's endpoints),
 * until SIGTERM or Ctrl-C, which let the requests in flight finish before the stores close.
 */
@Command(
    name = "serve",
    description = {
      "Serve Feast's feature server API over HTTP: POST /get-online-features, /push, /materialize,"
          + " /materialize-incremental; GET /health, /metrics.",
      "Binds 127.0.0.1 unless --host says otherwise; auth: in feature_store.yaml (no_auth, oidc)"
          + " protects every endpoint but /health and /metrics. Stops on SIGTERM or Ctrl-C after"
          + " the requests in flight finish."
    })
final class ServeCommand extends BaseCommand {
  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      defaultValue = ServerOptions.DEFAULT_HOST,
      description = "The address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;

  @Option(
      names = {"--port", "-p"},
      paramLabel = "PORT",
      defaultValue = "6566",
      description = "The port (default: ${DEFAULT-VALUE}, Feast's).")
  int port;

  @Option(
      names = "--key",
      paramLabel = "FILE",
      description = "PEM private key (PKCS#8) for HTTPS; with --cert.")
  Path key;

  @Option(
      names = "--cert",
      paramLabel = "FILE",
      description = "PEM certificate chain for HTTPS; with --key.")
  Path cert;

  @Option(
      names = {"--registry-ttl-sec", "--registry_ttl_sec"},
      paramLabel = "SECONDS",
      defaultValue = "5",
      description =
          "How stale the served definitions may be: the registry is re-read at most once"
              + " per this many seconds, so another process's apply shows within it (default:"
              + " ${DEFAULT-VALUE}, as feast serve; 0 checks on every request).")
  long registryTtlSeconds;

  @Option(
      names = "--max-body-bytes",
      paramLabel = "BYTES",
      defaultValue = "10485760",
      description = "The largest request body accepted (default: ${DEFAULT-VALUE}).")
  long maxBodyBytes;

  @Option(
      names = "--max-entity-rows",
      paramLabel = "ROWS",
      defaultValue = "10000",
      description =
          "The most entity rows one request may ask for or push (default: ${DEFAULT-VALUE}).")
  int maxEntityRows;

  @Option(
      names = "--shutdown-timeout-sec",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "How long a stop waits for requests in flight (default: ${DEFAULT-VALUE}).")
  long shutdownTimeoutSeconds;

  @Override
  void run() throws Exception {
    if (registryTtlSeconds < 0) {
      throw new CliException("--registry-ttl-sec is " + registryTtlSeconds + "; give 0 or more");
    }
    ServerOptions options =
        ServerOptions.defaults()
            .withAddress(host, port)
            .withRegistryTtl(Duration.ofSeconds(registryTtlSeconds))
            .withLimits(maxBodyBytes, maxEntityRows)
            .withShutdownTimeout(Duration.ofSeconds(shutdownTimeoutSeconds));
    if (key != null || cert != null) {
      options = options.withTls(key, cert);
    }
    FeatureStore store = openStore();
    FeatureServer server = FeatureServer.start(store, options).stopOnShutdown();
    err()
        .println(
            "Serving "
                + repo()
                + " (project "
                + store.config().project()
                + ") on "
                + server.uri()
                + "; auth: "
                + store.config().auth().type()
                + ". Stop with Ctrl-C or SIGTERM.");
    err().flush();
    server.awaitStopped();
  }
}
