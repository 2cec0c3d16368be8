package dev.feast.iceberg.cli;

import org.apache.iceberg.exceptions.CommitFailedException;
import org.slf4j.LoggerFactory;

/**
 * Logs what Iceberg logs when a commit lost a race with another writer and is retried, through the
 * command's logging ({@code --verbose} as the first argument shows stack traces).
 */
final class LoggedRetryMain {
  private LoggedRetryMain() {}

  public static void main(String[] args) {
    CliLogging.install();
    CliLogging.verbose(args.length > 0 && args[0].equals("--verbose"));
    CommitFailedException e =
        new CommitFailedException(
            "Cannot commit feast_online.stats: metadata location a.metadata.json has changed");
    LoggerFactory.getLogger("org.apache.iceberg.util.Tasks")
        .warn("Retrying task after failure: sleepTimeMs={} {}", 109, e.getMessage(), e);
    LoggerFactory.getLogger("dev.feast.iceberg.Somewhere")
        .warn("scheduled maintenance of view {} failed", "stats", new IllegalStateException("x"));
  }
}
