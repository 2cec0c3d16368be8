package dev.feast.iceberg.cli;

/**
 * Runs an action when the JVM is asked to stop (Ctrl-C's SIGINT, SIGTERM) while a command runs: a
 * shutdown hook registered for the command's duration.
 */
final class ShutdownNotice implements AutoCloseable {
  private final Thread hook;

  private ShutdownNotice(Runnable action) {
    this.hook = new Thread(action, "feast-shutdown-notice");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  static ShutdownNotice on(Runnable action) {
    return new ShutdownNotice(action);
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook runs.
    }
  }
}
