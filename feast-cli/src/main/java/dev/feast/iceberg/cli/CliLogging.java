package dev.feast.iceberg.cli;

import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.simple.SimpleLogger;
import org.slf4j.simple.SimpleLoggerFactory;
import org.slf4j.simple.SimpleServiceProvider;

/**
 * The command's logging: slf4j-simple (configured by {@code simplelogger.properties}), except that
 * a message logged with an exception is one line, the exception's message folded into it, and the
 * stack trace only under {@code --verbose}. Libraries log retries that way (Iceberg's "Retrying
 * task after failure" on a commit conflict with another writer), which would otherwise print a
 * stack trace of dozens of lines into the progress output for a condition that resolves itself.
 *
 * <p>{@link FeastCli#main} selects it with the {@code slf4j.provider} system property; in-process
 * runs (tests) keep whatever logging their JVM has.
 */
public final class CliLogging extends SimpleServiceProvider {
  private static volatile boolean verbose;
  private SimpleLoggerFactory factory;

  /** Selects this provider; call before anything logs. */
  static void install() {
    System.setProperty("slf4j.provider", CliLogging.class.getName());
    // SLF4J reports at info level which provider it loaded; a user needs only its warnings.
    System.setProperty("slf4j.internal.verbosity", "WARN");
  }

  /** Whether stack traces are shown ({@code --verbose}). */
  static void verbose(boolean value) {
    verbose = value;
  }

  @Override
  public void initialize() {
    super.initialize();
    factory =
        new SimpleLoggerFactory() {
          @Override
          protected Logger createLogger(String name) {
            return new OneLineLogger(name);
          }
        };
  }

  @Override
  public org.slf4j.ILoggerFactory getLoggerFactory() {
    return factory;
  }

  /** A simple logger that folds an exception into its line unless verbose. */
  private static final class OneLineLogger extends SimpleLogger {
    OneLineLogger(String name) {
      super(name);
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
      if (throwable == null || verbose) {
        super.handleNormalizedLoggingCall(level, marker, pattern, arguments, throwable);
        return;
      }
      String message = MessageFormatter.basicArrayFormat(pattern, arguments);
      String cause = ErrorReporter.oneLine(throwable);
      if (message == null || !message.contains(cause)) {
        message = (message == null ? "" : message + ": ") + cause;
      }
      super.handleNormalizedLoggingCall(
          level, marker, message + " (--verbose shows the stack trace)", null, null);
    }
  }
}
