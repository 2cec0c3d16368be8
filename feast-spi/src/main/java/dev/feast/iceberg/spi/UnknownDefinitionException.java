package dev.feast.iceberg.spi;

import dev.feast.iceberg.spi.annotation.Stable;

/**
 * A feature, feature view, entity or feature service that is not defined ({@link
 * ErrorKind#USER_INPUT}).
 */
@Stable
public class UnknownDefinitionException extends FeastException {
  public UnknownDefinitionException(String message) {
    super(ErrorKind.USER_INPUT, message);
  }

  /** An error fixed by a step of the workflow; see {@link Remedy}. */
  public UnknownDefinitionException(String problem, Remedy remedy) {
    super(ErrorKind.USER_INPUT, problem, remedy);
  }
}
