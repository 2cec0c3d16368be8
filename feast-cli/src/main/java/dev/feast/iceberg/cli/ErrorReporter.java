package dev.feast.iceberg.cli;

import dev.feast.iceberg.spi.FeastException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Reports an error as one line that says what is wrong and how to fix it (the framework's
 * exceptions already say both), with the stack trace only under {@code --verbose}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
  static final int ERROR = 1;
  static final int USAGE = 2;

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
    boolean ours =
        e instanceof FeastException
            || e instanceof CliException
            || e instanceof IllegalArgumentException;
    String hint = ours || cli.verbose() ? "" : " (rerun with --verbose for the stack trace)";
    err.println("Error: " + inCliWords(e) + hint);
    if (cli.verbose()) {
      e.printStackTrace(err);
    }
    err.flush();
    return ERROR;
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
    return USAGE;
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
