package dev.feast.iceberg.cli;

import dev.feast.iceberg.spi.ErrorKind;
import dev.feast.iceberg.spi.ExternalSystemException;
import dev.feast.iceberg.spi.FeastException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Reports an error as one line that says what is wrong and how to fix it (the framework's
 * exceptions already say both), with an exit code chosen by the error's {@link ErrorKind}:
 *
 * <ul>
 *   <li>{@link #USER_INPUT} (2, as for a usage mistake): the message alone; rerunning without a
 *       change fails the same way.
 *   <li>{@link #EXTERNAL} (3): the message and the system that failed (storage, catalog, ...); a
 *       rerun may succeed once it is back.
 *   <li>{@link #INTERNAL} (1): a bug, said so, with the stack trace under {@code --verbose}.
 * </ul>
 *
 * An exception outside the {@link FeastException} family is internal, except an I/O error, which is
 * the storage's: nothing is guessed from a Java exception class.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
  static final int INTERNAL = 1;
  static final int USER_INPUT = 2;
  static final int EXTERNAL = 3;

  /** As a shell reports a process ended by SIGINT: 128 + 2. */
  static final int INTERRUPTED = 130;

  private final FeastCli cli;

  ErrorReporter(FeastCli cli) {
    this.cli = cli;
  }

  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, ParseResult parseResult) {
    if (e instanceof MaterializationInterrupted) {
      // The shutdown hook said what the interruption left; the JVM is exiting.
      return INTERRUPTED;
    }
    PrintWriter err = commandLine.getErr();
    ErrorKind kind = kindOf(e);
    err.println("Error: " + inCliWords(e) + suffix(e, kind));
    if (cli.verbose()) {
      e.printStackTrace(err);
    }
    err.flush();
    return exitCode(kind);
  }

  /** The kind an exception declares; see the class comment for the ones that declare none. */
  static ErrorKind kindOf(Throwable e) {
    if (e instanceof FeastException fe) {
      return fe.kind();
    }
    return e instanceof UncheckedIOException || e instanceof IOException
        ? ErrorKind.EXTERNAL_SYSTEM
        : ErrorKind.INTERNAL;
  }

  static int exitCode(ErrorKind kind) {
    return switch (kind) {
      case USER_INPUT -> USER_INPUT;
      case EXTERNAL_SYSTEM -> EXTERNAL;
      case INTERNAL -> INTERNAL;
    };
  }

  /** What follows the message: who failed for an external error, the bug notice for a bug. */
  private String suffix(Throwable e, ErrorKind kind) {
    return switch (kind) {
      case USER_INPUT -> "";
      case EXTERNAL_SYSTEM ->
          " (the "
              + (e instanceof ExternalSystemException x
                  ? x.system()
                  : e instanceof FeastException
                      ? "external system"
                      : ExternalSystemException.STORAGE)
              + " failed; rerun once it is reachable)";
      case INTERNAL ->
          " (this is a bug"
              + (cli.verbose()
                  ? "; please report it with this stack trace)"
                  : "; rerun with --verbose for the stack trace and report it)");
    };
  }

  /** A usage error: the problem and where to read the usage, on one line. */
  static int usageError(ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    PrintWriter err = commandLine.getErr();
    // Some of picocli's messages already start with "Error: ".
    String message = oneLine(e).replaceFirst("^Error: ", "");
    err.println(
        "Error: "
            + message
            + "; see '"
            + commandLine.getCommandSpec().qualifiedName()
            + " --help'");
    err.flush();
    return USER_INPUT;
  }

  /** The one-line message, with a library remedy ("call FeatureStore.apply") told as a verb. */
  static String inCliWords(Exception e) {
    if (e instanceof FeastException fe && fe.remedy().isPresent()) {
      return fold(fe.problem()) + "; " + CliAdvice.of(fe.remedy().get());
    }
    return oneLine(e);
  }

  /** The message with line breaks folded, or the exception's name and its cause's message. */
  static String oneLine(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      Throwable cause = e.getCause();
      message = e.getClass().getSimpleName() + (cause == null ? "" : ": " + oneLine(cause));
    }
    return fold(message);
  }

  private static String fold(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
