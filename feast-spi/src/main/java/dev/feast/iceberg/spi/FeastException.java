package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;
import java.util.Optional;

/**
 * The base of every error this framework raises; unchecked, with a message that says how to fix it.
 * An error whose fix is a step of the workflow carries it as a {@link Remedy}, so that the command
 * line and a server can name their own verb instead of a Java method.
 */
@Stable
public class FeastException extends RuntimeException {
  private final String problem;
  private final Remedy remedy;

  public FeastException(String message) {
    // Not this(message, null): a cause left unset can still be given with initCause.
    super(message);
    this.problem = message;
    this.remedy = null;
  }

  public FeastException(String message, Throwable cause) {
    super(message, cause);
    this.problem = message;
    this.remedy = null;
  }

  /** An error whose message is {@code problem}, then the library's advice of {@code remedy}. */
  public FeastException(String problem, Remedy remedy) {
    super(problem + "; " + remedy.libraryAdvice());
    this.problem = problem;
    this.remedy = remedy;
  }

  /** What is wrong, without the advice of the remedy (the whole message when there is none). */
  public String problem() {
    return problem;
  }

  /** The workflow step that fixes the error, if it is one. */
  public Optional<Remedy> remedy() {
    return Optional.ofNullable(remedy);
  }
}
