package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;
import java.util.Objects;
import java.util.Optional;

/**
 * The base of every error this framework raises; unchecked, with a message that says how to fix it
 * and an {@link ErrorKind} that says who can fix it. An error whose fix is a step of the workflow
 * carries it as a {@link Remedy}, so that the command line and a server can name their own verb
 * instead of a Java method.
 *
 * <p>Throw the subclass that names the problem ({@link ConfigException}, {@link
 * InvalidDefinitionException}, {@link InvalidEntityRowsException}, {@link ExternalSystemException},
 * ...); its kind is fixed. A plain {@code FeastException} built without a kind is {@link
 * ErrorKind#INTERNAL}: an error nobody classified is reported as a bug, not guessed to be the
 * user's.
 */
@Stable
public class FeastException extends RuntimeException {
  private final ErrorKind kind;
  private final String problem;
  private final Remedy remedy;

  /** An error of {@code kind}. */
  public FeastException(ErrorKind kind, String message) {
    // Not this(kind, message, null): a cause left unset can still be given with initCause.
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.problem = message;
    this.remedy = null;
  }

  /** An error of {@code kind} caused by {@code cause}. */
  public FeastException(ErrorKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.problem = message;
    this.remedy = null;
  }

  /**
   * An error of {@code kind} whose message is {@code problem}, then the advice of {@code remedy}.
   */
  public FeastException(ErrorKind kind, String problem, Remedy remedy) {
    super(problem + "; " + remedy.libraryAdvice());
    this.kind = Objects.requireNonNull(kind, "kind");
    this.problem = problem;
    this.remedy = remedy;
  }

  /** An {@link ErrorKind#INTERNAL} error; prefer a subclass or a constructor with a kind. */
  public FeastException(String message) {
    this(ErrorKind.INTERNAL, message);
  }

  /** An {@link ErrorKind#INTERNAL} error; prefer a subclass or a constructor with a kind. */
  public FeastException(String message, Throwable cause) {
    this(ErrorKind.INTERNAL, message, cause);
  }

  /** A {@link ErrorKind#USER_INPUT} error fixed by a step of the workflow; see {@link Remedy}. */
  public FeastException(String problem, Remedy remedy) {
    this(ErrorKind.USER_INPUT, problem, remedy);
  }

  /** Who can fix the error: the user, the operator of another system, or a developer. */
  public ErrorKind kind() {
    return kind;
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
